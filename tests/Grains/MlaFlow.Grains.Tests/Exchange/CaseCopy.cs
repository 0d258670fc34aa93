using System.Text.Json.Nodes;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using MlaFlow.Testing.Walks;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Grains.Tests.Exchange;

/// <summary>
/// One authority's copy of a <see cref="LocalCase"/>, moved as that authority's people move it: a task is
/// completed by its officer or prosecutor (a task of the executing authority by its officer, who records what
/// the executing authority did), and a deadline is left to pass. Each move ends once every outbox is delivered, so what
/// the move sent reaches the other copy before the next move.
/// </summary>
internal sealed class CaseCopy(LocalCase exchange, AuthorityId authority, string officer, string prosecutor)
{
    private string? _id;

    public AuthorityId Authority => authority;

    public Actor Officer { get; } = new(authority, "officer", officer);

    public Actor Prosecutor { get; } = new(authority, "prosecutor", prosecutor);

    /// <summary>This copy's request id; the requested authority's copy has one once the request has reached it.</summary>
    public async Task<string> IdAsync() => _id ??= await exchange.FindIdAsync(this)
        ?? throw new InvalidOperationException($"{authority} holds no copy of the request yet — {await exchange.DescribeAsync()}");

    public async Task<AssistanceRequest> GetAsync() => (await Grain(await IdAsync()).GetAsync())!;

    /// <summary>
    /// Completes the task waiting at <paramref name="stepId"/> (the longest waiting, if several) with
    /// <paramref name="outcome"/> and <paramref name="form"/>; a required field the form leaves out is filled with
    /// a plain valid value. Then waits for the outboxes.
    /// </summary>
    public async Task CompleteAsync(string stepId, string outcome, JsonObject? form = null)
    {
        var request = await GetAsync();
        var token = await WaitingAsync(request, stepId);
        var task = (TaskStep)Definition(request).Step(stepId);
        var data = form?.DeepClone().AsObject() ?? [];
        foreach (var field in task.Form.Where(f => f.Required && !data.ContainsKey(f.Name)))
        {
            data[field.Name] = FormValues.Default(field);
        }

        await Grain(request.Id.Value).CompleteTaskAsync(ActorFor(task.Role), token.Id, outcome, data);
        await exchange.SettleAsync();
    }

    /// <summary>Raises <paramref name="signal"/> on this side's copy as its prosecutor, then waits for the outboxes.</summary>
    public async Task SignalAsync(string signal)
    {
        await Grain(await IdAsync()).SignalAsync(Prosecutor, signal);
        await exchange.SettleAsync();
    }

    /// <summary>
    /// Moves the time just past the deadline of the step waiting at <paramref name="stepId"/>, waits for its reminder to
    /// move the step on, then for the outboxes.
    /// </summary>
    public async Task LetDeadlinePassAsync(string stepId)
    {
        var request = await GetAsync();
        var token = await WaitingAsync(request, stepId);
        var due = token.DueAt ?? throw new InvalidOperationException($"'{stepId}' of {authority} has no deadline — {await exchange.DescribeAsync()}");
        try
        {
            await exchange.Time.PassUntilAsync(due.ToDateTimeOffset(),
                async () => (await GetAsync()).Workflow!.Steps.Any(t => t.Id == token.Id) ? null : "left", $"the deadline of '{stepId}' of {authority}");
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"The deadline of '{stepId}' of {authority} passed and the step was not left — {await exchange.DescribeAsync()}");
        }

        await exchange.SettleAsync();
    }

    private async Task<OpenStep> WaitingAsync(AssistanceRequest request, string stepId) =>
        request.Workflow?.Steps.Where(t => t.StepId == stepId && t.State == StepState.Waiting).MinBy(t => t.Id)
        ?? throw new InvalidOperationException($"Nothing of {authority} waits at '{stepId}' — {await exchange.DescribeAsync()}");

    private Actor ActorFor(string role) => role == "prosecutor" ? Prosecutor : Officer;

    private IAssistanceRequestGrain Grain(string id) => exchange.Silo.Grains.GetGrain<IAssistanceRequestGrain>(id);

    private static WorkflowDefinition Definition(AssistanceRequest request)
    {
        var reference = request.Workflow!.Procedure;
        return ShippedPlugins.Catalog.For(reference.Country)!.Version(reference.Side, reference.Kind, reference.Version)!;
    }
}
