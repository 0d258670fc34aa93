using MlaFlow.Grains.Exchange;
using System.Text.Json.Nodes;
using MlaFlow.Plugins.Host;
using MlaFlow.Runtime.Auditing;
using MlaFlow.Runtime.Grains;
using MlaFlow.Runtime.Reminders;
using MlaFlow.Runtime.State;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>One request for assistance: its document, its workflow, status and timeline, each change audited.</summary>
public sealed class AssistanceRequestGrain(
    IGrainContext context, IClock clock, PluginCatalog plugins, ServedAuthorities served, IRemoteExchange remote, OutboxSender sender, OutboxSchedule outbox)
    : Grain(context), IAssistanceRequestGrain, IRemindable
{
    private const string SystemActor = "system:workflow";

    /// <summary>The reminder that delivers the outbox: due at once after a send, then every <see cref="OutboxSchedule"/> while something is undelivered.</summary>
    private const string OutboxReminder = "outbox";

    private readonly IPersistentState<AssistanceRequest> _state = context.GetState<AssistanceRequest>();
    private readonly RequestWorkflow _workflow = new(plugins);
    private readonly RequestDelivery _delivery = new(context.GrainFactory, served, remote, sender);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await _state.ReadStateAsync(cancellationToken);
        await RearmTimersAsync(cancellationToken);
    }

    public async Task<AssistanceRequest> CreateAsync(NewAssistanceRequest draft, Actor actor, string? idempotencyKey)
    {
        var content = RequestContent.Sha256(draft);
        if (_state.State is { } existing)
        {
            return existing.ContentSha256 == content ? existing : throw new RequestAlreadyExistsException(Id.Key);
        }

        var id = RequestId.Parse(Id.Key);
        if (actor.Authority != id.Authority)
        {
            throw new ArgumentException($"{actor} cannot create a request of {id.Authority}.", nameof(actor));
        }

        var now = clock.GetCurrentInstant();
        var request = new AssistanceRequest(
            id, draft.Kind, new Party(id.Authority.Country, id.Authority), draft.Requested, draft.LegalBasis, draft.Language, draft.Urgency,
            draft.UrgencyReason, draft.SummaryOfFacts, draft.Offences, draft.Persons, draft.Measures, draft.Attachments,
            RequestStatus.Draft, [new TimelineEvent(now, actor.ToString(), "created")], now, idempotencyKey, content);
        var (started, effects) = _workflow.Start(request, actor, now);
        return await SaveAsync(started, effects, Audit(actor, "request.created"));
    }

    public async Task<AssistanceRequest> OpenReceivedAsync(IncomingRequest incoming)
    {
        if (_state.State is { } existing)
        {
            return existing;
        }

        var id = RequestId.Parse(Id.Key);
        var origin = incoming.Origin;
        var now = clock.GetCurrentInstant();
        var received = origin with
        {
            Id = id,
            Side = WorkflowSide.Requested,
            Status = RequestStatus.Draft,
            Timeline = [new TimelineEvent(now, RequestDelivery.Actor, $"received from {origin.Requesting.Authority} as {origin.Id}")],
            CreatedAt = now,
            IdempotencyKey = incoming.MessageId,
            Workflow = null,
            Outbox = null,
            Counterpart = origin.Id.Value,
            ReceivedMessages = [incoming.MessageId],
            Files = [],
        };
        received = WithReceivedFiles(received, incoming.Files, incoming.MessageId, now);
        var (started, effects) = _workflow.Start(received, new Actor(id.Authority, "system", "exchange"), now);
        return await SaveAsync(started, effects, new AuditEntry(id.Authority.Value, RequestDelivery.Actor, "request.received", Id.Key));
    }

    public async Task ReceiveMessageAsync(IncomingMessage message)
    {
        var request = _state.State ?? throw new RequestNotFoundException(Id.Key);
        if (request.ReceivedMessages?.Contains(message.MessageId) == true)
        {
            return; // delivered before: exactly once
        }

        var now = clock.GetCurrentInstant();
        var received = WithReceivedFiles(request with
        {
            ReceivedMessages = [.. request.ReceivedMessages ?? [], message.MessageId],
            Timeline = [.. request.Timeline, new TimelineEvent(now, RequestDelivery.Actor, $"received from {request.Other.Authority} ({message.FromRequestId}): {message.Type}")],
        }, message.Files, message.MessageId, now);
        var audit = new AuditEntry(RequestId.Parse(Id.Key).Authority.Value, RequestDelivery.Actor, "request.message-received", Id.Key);
        try
        {
            var (changed, effects) = _workflow.Apply(received, null, now, (d, i, c) => WorkflowEngine.Receive(d, i, message.Type, c));
            await SaveAsync(changed, effects, audit);
        }
        catch (WorkflowOperationException e)
        {
            // Nothing awaits it (or the workflow has ended): kept on the record and audited, not lost and not retried for ever.
            var unexpected = received with { Timeline = [.. received.Timeline, new TimelineEvent(now, RequestDelivery.Actor, $"unexpected {message.Type}: {e.Message}")] };
            await SaveAsync(unexpected, [], audit with { Action = "request.message-unexpected" });
        }
    }

    public async Task RecordRemoteAcceptanceAsync(string messageId, string acceptance)
    {
        if (_state.State is { } request && RequestDelivery.Accepted(request, messageId, acceptance) is { } accepted)
        {
            await _state.WriteStateAsync(accepted, new AuditEntry(request.Own.Authority.Value, RequestDelivery.Actor, "request.message-accepted", Id.Key));
        }
    }

    public async Task RecordRemoteDeliveryAsync(string messageId, RemoteReceipt receipt)
    {
        if (_state.State is not { } request || RequestDelivery.Answered(request, messageId, receipt, clock.GetCurrentInstant()) is not { } answered)
        {
            return;
        }

        var action = receipt.Accepted ? "request.message-delivered" : "request.message-refused";
        await _state.WriteStateAsync(answered, new AuditEntry(request.Own.Authority.Value, RequestDelivery.Actor, action, Id.Key));
        if (answered.Outbox?.Any(m => m.IsPending) == true)
        {
            // The next message goes now, not at the outbox's next round.
            await Context.Reminders.RegisterOrUpdateAsync(OutboxReminder, clock.GetCurrentInstant(), outbox.Retry);
        }
    }

    public Task<AssistanceRequest?> GetAsync() => Task.FromResult(_state.State);

    public Task<AssistanceRequest> CompleteTaskAsync(Actor actor, int taskId, string outcome, JsonObject form)
    {
        var request = _state.State ?? throw new RequestNotFoundException(Id.Key);
        var (_, definition, instance) = _workflow.Running(request);
        if (definition.Step(instance.Token(taskId).StepId) is TaskStep task && !RequestWorkflow.MayComplete(actor.Role, task.Role))
        {
            throw new TaskNotForRoleException(task.Title, task.Role, actor.Role);
        }

        return ChangeAsync(request, actor, "request.task-completed",
            (d, i, c) => WorkflowEngine.CompleteTask(d, i, taskId, outcome, form, c));
    }

    public Task<AssistanceRequest> RetryStepAsync(Actor actor, int taskId) =>
        ChangeAsync(_state.State ?? throw new RequestNotFoundException(Id.Key), actor, "request.step-retried",
            (d, i, c) => WorkflowEngine.Retry(d, i, taskId, c));

    public Task<AssistanceRequest> RouteStepAsync(Actor actor, int taskId, string outcome) =>
        ChangeAsync(_state.State ?? throw new RequestNotFoundException(Id.Key), actor, "request.step-routed",
            (d, i, c) => WorkflowEngine.Route(d, i, taskId, outcome, c));

    public Task<AssistanceRequest> SignalAsync(Actor actor, string signal) =>
        ChangeAsync(_state.State ?? throw new RequestNotFoundException(Id.Key), actor, "request.signalled",
            (d, i, c) => WorkflowEngine.Signal(d, i, signal, c));

    public Task<AssistanceRequest> MigrateWorkflowAsync(Actor actor, int version, IReadOnlyDictionary<string, string> steps)
    {
        var request = _state.State ?? throw new RequestNotFoundException(Id.Key);
        var (plugin, _, instance) = _workflow.Running(request);
        var target = plugin.Version(instance.Definition.Side, instance.Definition.Kind, version)
            ?? throw new WorkflowOperationException($"{instance.Definition.Country} has no version {version} of this workflow.");
        return ChangeAsync(request, actor, "request.workflow-migrated", (d, i, c) => WorkflowEngine.Migrate(d, target, i, steps, c));
    }

    /// <summary>A workflow timer (deadline, warning, timer step) fell due. Late or repeated firings change nothing.</summary>
    public async Task ReceiveReminderAsync(string name, ReminderTick tick)
    {
        if (name == OutboxReminder)
        {
            await DeliverOutboxAsync();
            return;
        }

        if (_state.State is not { Workflow: { IsEnded: false } instance } request)
        {
            return;
        }

        var (changed, effects) = _workflow.Apply(request, null, clock.GetCurrentInstant(), (d, i, c) => WorkflowEngine.TimerDue(d, i, name, tick.DueTime, c));
        if (!ReferenceEquals(changed.Workflow, instance))
        {
            await SaveAsync(changed, effects, new AuditEntry(request.Own.Authority.Value, SystemActor, "request.timer-fired", Id.Key));
        }
    }

    public async Task<AssistanceRequest> AddFileAsync(Actor actor, EvidenceFile file)
    {
        var request = _state.State ?? throw new RequestNotFoundException(Id.Key);
        if (request.Workflow is not { IsEnded: false })
        {
            throw new WorkflowOperationException("The request's workflow is not running, so no message would carry the file to the counterpart.");
        }

        if ((request.Files?.Count ?? 0) >= RequestLimits.MaxFiles)
        {
            throw new WorkflowOperationException($"The request holds {RequestLimits.MaxFiles} files already.");
        }

        var added = file with { AddedAt = clock.GetCurrentInstant(), AddedBy = actor.ToString(), SentIn = null, ReceivedIn = null };
        var changed = request with
        {
            Files = [.. request.Files ?? [], added],
            Timeline = [.. request.Timeline, new TimelineEvent(added.AddedAt, added.AddedBy, $"file added: {Describe(added)}; the next message to {request.Other.Authority} carries it")],
        };
        await _state.WriteStateAsync(changed, Audit(actor, "request.file-added"));
        return changed;
    }

    public async Task<AssistanceRequest> AddNoteAsync(Actor actor, string text)
    {
        var request = _state.State ?? throw new RequestNotFoundException(Id.Key);
        if (string.IsNullOrWhiteSpace(text) || text.Length > RequestLimits.MaxNoteLength)
        {
            throw new ArgumentException($"A note has 1 to {RequestLimits.MaxNoteLength} characters.", nameof(text));
        }

        var noted = request with { Timeline = [.. request.Timeline, new TimelineEvent(clock.GetCurrentInstant(), actor.ToString(), $"note: {text}")] };
        await _state.WriteStateAsync(noted, Audit(actor, "request.note-added"));
        return noted;
    }

    private async Task<AssistanceRequest> ChangeAsync(
        AssistanceRequest request, Actor actor, string action, Func<WorkflowDefinition, WorkflowInstance, WorkflowContext, WorkflowTransition> operation)
    {
        var (changed, effects) = _workflow.Apply(request, actor, clock.GetCurrentInstant(), operation);
        return await SaveAsync(changed, effects, Audit(actor, action));
    }

    // Timers are armed before the state is written and disarmed after: a crash in between leaves at
    // most a timer that finds nothing to do, never a step waiting on a timer that does not exist.
    private async Task<AssistanceRequest> SaveAsync(AssistanceRequest request, IReadOnlyList<WorkflowEffect> effects, AuditEntry audit)
    {
        foreach (var arm in effects.OfType<ArmTimer>())
        {
            await Context.Reminders.RegisterOrUpdateAsync(arm.Name, arm.DueAt, period: null);
        }

        await _state.WriteStateAsync(request, audit);
        foreach (var disarm in effects.OfType<DisarmTimer>())
        {
            await Context.Reminders.UnregisterAsync(disarm.Name);
        }

        if (request.Outbox?.Any(m => m.IsPending) == true)
        {
            await Context.Reminders.RegisterOrUpdateAsync(OutboxReminder, clock.GetCurrentInstant(), outbox.Retry);
        }

        return request;
    }

    // Delivery runs in its own turn (a reminder), never inside the turn that sent: two requests sending
    // to each other at once would otherwise wait on each other's turn for ever.
    private async Task DeliverOutboxAsync()
    {
        while (_state.State is { } request && await _delivery.DeliverNextAsync(request, clock.GetCurrentInstant()) is { } delivered)
        {
            await _state.WriteStateAsync(delivered, new AuditEntry(RequestId.Parse(Id.Key).Authority.Value, RequestDelivery.Actor, "request.message-delivered", Id.Key));
        }

        if (_state.State?.Outbox?.All(m => !m.IsPending) != false)
        {
            await Context.Reminders.UnregisterAsync(OutboxReminder);
        }
    }

    // Timers are armed before a write that may then lose an optimistic-concurrency race; the loser's
    // timer can have replaced the winner's under the same name. Re-arming what the stored state waits
    // for, whenever the request is activated (as it is again after such a race), repairs that.
    private async Task RearmTimersAsync(CancellationToken cancellationToken)
    {
        foreach (var token in _state.State?.Workflow?.Tokens.Where(t => t.State == TokenState.Waiting) ?? [])
        {
            if (token.DueAt is { } due)
            {
                await Context.Reminders.RegisterOrUpdateAsync(TimerNames.Due(token.Id), due, period: null, cancellationToken);
            }

            if (token.WarnAt is { } warn)
            {
                await Context.Reminders.RegisterOrUpdateAsync(TimerNames.Warn(token.Id), warn, period: null, cancellationToken);
            }
        }
    }

    // Files arrive verified: the exchange compared each with the SHA-256 the sender declared before delivering the message.
    private static AssistanceRequest WithReceivedFiles(AssistanceRequest request, IReadOnlyList<EvidenceFile>? files, string messageId, Instant now)
    {
        if (files is not { Count: > 0 })
        {
            return request;
        }

        var from = request.Other.Authority.Value;
        var received = files.Select(f => f.AsReceived(from, messageId, now)).ToList();
        return request with
        {
            Files = [.. request.Files ?? [], .. received],
            Timeline = [.. request.Timeline, .. received.Select(f => new TimelineEvent(now, RequestDelivery.Actor, $"file received from {from}: {Describe(f)}, verified"))],
        };
    }

    private static string Describe(EvidenceFile file) => $"{file.Name} ({file.Size} bytes, SHA-256 {file.Sha256})";

    private AuditEntry Audit(Actor actor, string action) => new(RequestId.Parse(Id.Key).Authority.Value, actor.ToString(), action, Id.Key);
}
