using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlaFlow.Grains.Authorities;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Storage;
using MlaFlow.Testing;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Grains.Tests.Exchange;

/// <summary>
/// One request between CN-MOJ and TH-OAG, both served by the node: China's copy and the copy its request opens
/// at Thailand. The copies move each other only through the local exchange — a <c>send</c> step's message waits
/// in its copy's outbox until the node delivers it, outside the sending request's turn — so a scenario is nothing but
/// each side's people completing their tasks (<see cref="CaseCopy.CompleteAsync"/>) and deadlines passing
/// (<see cref="CaseCopy.LetDeadlinePassAsync"/>). No message is handed to a copy by the test.
/// </summary>
internal sealed class LocalCase
{
    /// <summary>Who the local exchange writes into a timeline as (the grains' <c>RequestDelivery.Actor</c>).</summary>
    private const string Exchange = "system:exchange";

    private string? _chinaId;

    private LocalCase(TestSilo silo, FakeTimeProvider time)
    {
        Silo = silo;
        Time = time;
        China = new CaseCopy(this, AuthorityId.Parse("CN-MOJ"), officer: "wang", prosecutor: "li");
        Thailand = new CaseCopy(this, AuthorityId.Parse("TH-OAG"), officer: "somchai", prosecutor: "nattaya");
    }

    public TestSilo Silo { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The requesting authority's copy.</summary>
    public CaseCopy China { get; }

    /// <summary>The requested authority's copy, opened when China's request reaches it.</summary>
    public CaseCopy Thailand { get; }

    /// <summary>China's officer opens the request; China's workflow starts at its first task.</summary>
    public static async Task<LocalCase> OpenAsync(TestSilo silo, FakeTimeProvider time, NewAssistanceRequest draft)
    {
        var exchange = new LocalCase(silo, time);
        var created = await silo.Grains.GetGrain<IAuthorityGrain>(exchange.China.Authority.Value).CreateRequestAsync(draft, exchange.China.Officer, null);
        exchange._chinaId = created.Request.Id.Value;
        return exchange;
    }

    /// <summary>Waits until every outbox is delivered: what a move sent reached the other copy, and its answers came back.</summary>
    public Task SettleAsync() => Silo.SettleAsync();

    /// <summary>
    /// Both copies ended with these statuses, each the other's counterpart; every message either sent was
    /// delivered, and received and taken by a step of the other, exactly once and in the order sent; both audit
    /// chains hold, and each copy's changes are in its own authority's chain.
    /// </summary>
    public async Task ShouldHaveEndedAsync(RequestStatus china, RequestStatus thailand)
    {
        var (chinese, thai) = (await China.GetAsync(), await Thailand.GetAsync());
        var story = await DescribeAsync();
        chinese.Status.ShouldBe(china, story);
        thai.Status.ShouldBe(thailand, story);
        chinese.Workflow!.Steps.ShouldBeEmpty(story);
        thai.Workflow!.Steps.ShouldBeEmpty(story);
        chinese.Counterpart.ShouldBe(thai.Id.Value, story);
        thai.Counterpart.ShouldBe(chinese.Id.Value, story);
        ShouldHaveTakenEveryMessageOnce(chinese, thai, story);
        ShouldHaveTakenEveryMessageOnce(thai, chinese, story);
        (await Silo.VerifyAuditAsync(China.Authority.Value)).IsIntact.ShouldBeTrue(story);
        (await Silo.VerifyAuditAsync(Thailand.Authority.Value)).IsIntact.ShouldBeTrue(story);
        (await AuditChainsOfAsync(chinese.Id.Value)).ShouldBe([China.Authority.Value]);
        (await AuditChainsOfAsync(thai.Id.Value)).ShouldBe([Thailand.Authority.Value]);
    }

    /// <summary>The authorities whose audit chains hold records of request <paramref name="requestId"/> (of <paramref name="action"/> only, if given).</summary>
    public async Task<IReadOnlyList<string>> AuditChainsOfAsync(string requestId, string? action = null)
    {
        await using var connection = await Silo.Services.GetRequiredService<Database>().OpenAsync();
        var chains = await connection.QueryAsync<string>(
            "SELECT DISTINCT authority_id FROM audit_log WHERE request_id = @requestId AND (@action IS NULL OR action = @action) ORDER BY authority_id",
            new { requestId, action });
        return [.. chains];
    }

    /// <summary>Both copies as they stand: what a failed scenario reports.</summary>
    public async Task<string> DescribeAsync()
    {
        var lines = new List<string>();
        foreach (var copy in new[] { China, Thailand })
        {
            if (await FindIdAsync(copy) is not { } id)
            {
                lines.Add($"{copy.Authority}: no copy yet");
                continue;
            }

            var request = (await Silo.Grains.GetGrain<IAssistanceRequestGrain>(id).GetAsync())!;
            lines.Add($"{id} ({request.Side}) {request.Status}; waiting: [{string.Join(", ", request.Workflow?.Steps.Select(t => $"#{t.Id} {t.StepId} {t.State}") ?? [])}]");
            lines.AddRange(request.Timeline.Select(e => $"    {e.At} {e.Actor}: {e.What}"));
            lines.Add($"  history: {string.Join(" | ", request.Workflow?.History.Select(h => $"{h.StepId} {h.What}") ?? [])}");
        }

        return string.Join(Environment.NewLine, ["", .. lines]);
    }

    internal async Task<string?> FindIdAsync(CaseCopy copy) =>
        copy == China ? _chinaId
        : _chinaId is null ? null
        : (await Silo.Grains.GetGrain<IAssistanceRequestGrain>(_chinaId).GetAsync())?.Counterpart;

    private static void ShouldHaveTakenEveryMessageOnce(AssistanceRequest sender, AssistanceRequest receiver, string story)
    {
        var sent = sender.Outbox ?? [];
        sent.Where(m => m.DeliveredAt is null).ShouldBeEmpty($"{sender.Id} still has messages to deliver.{story}");
        sender.Timeline.Where(e => e.What.StartsWith("message queued for ", StringComparison.Ordinal))
            .ShouldAllBe(e => e.What.StartsWith($"message queued for {receiver.Own.Authority}: ", StringComparison.Ordinal), story);
        sender.Timeline.Count(e => e.Actor == Exchange && e.What.StartsWith($"delivered to {receiver.Own.Authority} ({receiver.Id}): ", StringComparison.Ordinal))
            .ShouldBe(sent.Count, story);

        // Received exactly once each, in the order sent, each with its type: the receiver's record is the sender's outbox.
        (receiver.ReceivedMessages ?? []).Select(m => (m.Id, m.Type)).ShouldBe(sent.Select(m => (m.Id, (MessageType?)m.Type)), $"{receiver.Id} did not receive what {sender.Id} sent.{story}");

        // The request that opened the requested copy is its first entry; every later message is received into a step.
        var intoSteps = sent.ToList();
        if (receiver.Side == WorkflowSide.Requested)
        {
            receiver.Timeline[0].What.ShouldBe($"received from {sender.Own.Authority} as {sender.Id}", story);
            intoSteps.RemoveAt(0);
        }

        receiver.Timeline.Where(e => e.Actor == Exchange && e.What.StartsWith($"received from {sender.Own.Authority} ({sender.Id}): ", StringComparison.Ordinal))
            .Select(e => e.What[(e.What.LastIndexOf(' ') + 1)..])
            .ShouldBe(intoSteps.Select(m => m.Type.ToString()), story);
        receiver.Timeline.Where(e => e.What.StartsWith("unexpected ", StringComparison.Ordinal)).ShouldBeEmpty($"{receiver.Id} had no step awaiting a message.{story}");
    }
}
