using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Storage;
using NodaTime;
using Orleans;
using Orleans.Concurrency;

namespace MlaFlow.Grains.Authorities;

/// <summary>
/// Numbers an authority's requests, per year of the authority's own calendar, and opens them. A number is written (with
/// its audit record) before the request is created; if the node dies in between, that number stays unused — a visible,
/// audited gap, never a duplicate. A client retrying with its Idempotency-Key then gets a request under a new number.
/// </summary>
/// <remarks>
/// Reentrant, so that its requests are opened side by side: only the numbering is one at a time (the numbers asked for
/// while one write is under way are written together by the next), and two submissions of one Idempotency-Key meet the
/// same request. The rest of a submission
/// — admission, the request's own creation — does not wait for the authority's other submissions.
/// </remarks>
[Reentrant]
[GrainType(GrainTypes.Authority)]
public sealed class AuthorityGrain(
    [PersistentState("authority", StorageNames.MlaFlow)] IPersistentState<Audited<AuthorityState>> state,
    IClock clock, IGrainStateQuery query, PluginCatalog plugins, OutboxSender sender)
    : Grain, IAuthorityGrain
{
    // At most this many numbers in one write of the counter, so its transaction stays small.
    private const int MaxNumbersPerWrite = 64;

    // Submissions waiting for a number, in the order they asked, and whether a write of the counter is under way.
    private readonly List<NumberTicket> _waitingForNumbers = [];
    private bool _writingNumbers;

    // The request each Idempotency-Key or incoming message id is opening right now: a second call with it waits for that one.
    private readonly Dictionary<string, Task<string>> _opening = new(StringComparer.Ordinal);

    private AuthorityId Authority => AuthorityId.Parse(this.GetPrimaryKeyString());

    private Actor ExchangeActor => new(Authority, "system", "exchange");

    public async Task<CreatedRequest> CreateRequestAsync(NewAssistanceRequest draft, Actor actor, string? idempotencyKey)
    {
        if (actor.Authority != Authority)
        {
            throw new ArgumentException($"{actor} cannot open requests for {Authority}.", nameof(actor));
        }

        if (idempotencyKey is null)
        {
            return new CreatedRequest(await CreateAsync(draft, actor, null), Created: true);
        }

        if (_opening.TryGetValue(idempotencyKey, out var opening) || await query.FindByExternalKeyAsync(GrainTypes.Request, Authority.Value, idempotencyKey) is not null)
        {
            var existing = opening is null ? await FindAsync(idempotencyKey) : await GetAsync(await opening);
            return existing.ContentSha256 == RequestContent.Sha256(draft)
                ? new CreatedRequest(existing, Created: false)
                : throw new IdempotencyKeyReusedException(idempotencyKey, existing.Id.Value);
        }

        var created = CreateAsync(draft, actor, idempotencyKey);
        _opening[idempotencyKey] = IdOf(created);
        try
        {
            return new CreatedRequest(await created, Created: true);
        }
        finally
        {
            _opening.Remove(idempotencyKey);
        }
    }

    public Task<IReadOnlyDictionary<string, string[]>> CheckRequestAsync(NewAssistanceRequest draft) => Task.FromResult(Admission(draft));

    public async Task<string> ReceiveRequestAsync(IncomingRequest incoming)
    {
        // The message id is the received copy's external key: a message delivered twice finds its copy.
        if (_opening.TryGetValue(incoming.MessageId, out var opening))
        {
            return await opening;
        }

        if (await query.FindByExternalKeyAsync(GrainTypes.Request, Authority.Value, incoming.MessageId) is { } existing)
        {
            return existing;
        }

        var received = OpenReceivedAsync(incoming);
        _opening[incoming.MessageId] = received;
        try
        {
            return await received;
        }
        finally
        {
            _opening.Remove(incoming.MessageId);
        }
    }

    private async Task<AssistanceRequest> CreateAsync(NewAssistanceRequest draft, Actor actor, string? idempotencyKey)
    {
        var problems = Admission(draft);
        if (problems.Count > 0)
        {
            throw new RequestRejectedException(problems);
        }

        var id = await AllocateNumberAsync(actor);
        return await GrainFactory.GetGrain<IAssistanceRequestGrain>(id.Value).CreateAsync(draft, actor, idempotencyKey);
    }

    // The requested state's rules, and whether any node would ever receive the request: one that none would is refused
    // now, not queued for ever; reported beside the state's other problems once its plugin knows the authority (else
    // that is the problem to report).
    private IReadOnlyDictionary<string, string[]> Admission(NewAssistanceRequest draft)
    {
        var problems = RequestAdmission.Check(draft, Authority.Country, plugins, clock.GetCurrentInstant());
        return problems.ContainsKey("requested.state") || problems.ContainsKey("requested.authority") || sender.Reaches(draft.Requested.Authority)
            ? problems
            : new Dictionary<string, string[]>(problems)
            {
                ["requested.authority"] = [$"No node reaches {draft.Requested.Authority}: this node does not serve it, and no peer node with its public keys is configured "
                    + $"(MlaFlow:Exchange:Peers:{draft.Requested.Authority}, and keys import-peer), so the request could never be delivered."],
            };
    }

    private async Task<string> OpenReceivedAsync(IncomingRequest incoming)
    {
        var id = await AllocateNumberAsync(ExchangeActor);
        await GrainFactory.GetGrain<IAssistanceRequestGrain>(id.Value).OpenReceivedAsync(incoming);
        return id.Value;
    }

    private async Task<AssistanceRequest> FindAsync(string idempotencyKey) =>
        await GetAsync(await query.FindByExternalKeyAsync(GrainTypes.Request, Authority.Value, idempotencyKey)
            ?? throw new InvalidOperationException($"The request of Idempotency-Key '{idempotencyKey}' is gone."));

    private async Task<AssistanceRequest> GetAsync(string id) =>
        await GrainFactory.GetGrain<IAssistanceRequestGrain>(id).GetAsync() ?? throw new RequestNotFoundException(id);

    private static async Task<string> IdOf(Task<AssistanceRequest> created) => (await created).Id.Value;

    // Numbers are given out by group commit: the first caller's number is written at once, and whoever asks while that
    // write is under way waits for the next one, which writes all their numbers together (one audit record each, in
    // one transaction). Each number is written before it is handed out, and no two writes of the counter overlap.
    private Task<RequestId> AllocateNumberAsync(Actor actor)
    {
        var ticket = new NumberTicket(actor);
        _waitingForNumbers.Add(ticket);
        if (!_writingNumbers)
        {
            _writingNumbers = true;
            _ = WriteNumbersAsync(); // never throws: each ticket gets its number or the write's exception
        }

        return ticket.Number.Task;
    }

    private async Task WriteNumbersAsync()
    {
        try
        {
            while (_waitingForNumbers.Count > 0)
            {
                var batch = _waitingForNumbers.Take(MaxNumbersPerWrite).ToList();
                _waitingForNumbers.RemoveRange(0, batch.Count);
                await WriteNumbersAsync(batch);
            }
        }
        finally
        {
            _writingNumbers = false;
        }
    }

    private async Task WriteNumbersAsync(List<NumberTicket> batch)
    {
        try
        {
            var year = YearNow();
            var current = state.State.Value is { } counter && counter.Year == year ? counter.LastNumber : 0;
            var given = batch.Take(RequestId.MaxNumber - current).Select((ticket, i) => (Ticket: ticket, Id: RequestId.Create(Authority, year, current + i + 1))).ToList();
            foreach (var ticket in batch.Skip(given.Count))
            {
                ticket.Number.SetException(new InvalidOperationException($"{Authority} has used all {RequestId.MaxNumber} request numbers of {year}."));
            }

            if (given.Count > 0)
            {
                await state.WriteAsync(
                    new AuthorityState(Authority.Value, year, current + given.Count),
                    [.. given.Select(g => new AuditEntry(Authority.Value, g.Ticket.Actor.ToString(), "request.number-allocated", g.Id.Value))]);
                given.ForEach(g => g.Ticket.Number.SetResult(g.Id));
            }
        }
        catch (Exception e)
        {
            batch.ForEach(ticket => ticket.Number.TrySetException(e));
        }
    }

    // A request opened on the 1st of January in Beijing is of the new year there, whatever the year in UTC. An authority
    // of a state this node has no plugin for counts in UTC (it cannot open requests anyway: admission needs the plugin).
    private int YearNow()
    {
        var zone = plugins.For(Authority.Country)?.Manifest.Calendar.Zone ?? DateTimeZone.Utc;
        return clock.GetCurrentInstant().InZone(zone).Year;
    }

    /// <summary>A submission waiting for its number.</summary>
    private sealed class NumberTicket(Actor actor)
    {
        public Actor Actor => actor;

        public TaskCompletionSource<RequestId> Number { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
