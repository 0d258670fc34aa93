using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using MlaFlow.Grains.Exchange;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Storage;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using NodaTime;
using Orleans;
using Orleans.Runtime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// One request for assistance: its document, its workflow, status and timeline, each change audited. Orleans keeps one
/// activation of it in the cluster, so its state is read once and answered from; every change is one transaction with
/// its audit record (<see cref="Audited{TValue}"/>). Deadlines are Orleans reminders; the outbox is sent outside the
/// request's turn (<see cref="OutboxSender"/>).
/// </summary>
[GrainType(GrainTypes.Request)]
public sealed class AssistanceRequestGrain(
    [PersistentState("request", StorageNames.MlaFlow)] IPersistentState<Audited<RequestRecord>> state,
    IClock clock, PluginCatalog plugins, OutboxSender sender, OutboxSchedule outbox, ILogger<AssistanceRequestGrain> logger)
    : Grain, IAssistanceRequestGrain, IRemindable
{
    private const string SystemActor = "system:workflow";

    /// <summary>The reminder that wakes the request while its outbox holds an undelivered message, should its activation go first.</summary>
    private const string OutboxReminder = "outbox";

    /// <summary>
    /// Orleans' shortest reminder period. A deadline's reminder ticks each minute from its due time until the request
    /// has acted on it and removed it, so a tick lost to a crash is given again a minute later.
    /// </summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private const int MaxFailureLength = 500;

    private readonly RequestWorkflow _workflow = new(plugins);
    private readonly DeliveryAttempts _attempts = new(outbox.Retry);
    private RequestId? _id;
    private IGrainTimer? _outboxTimer;
    private bool _outboxReminderSet;

    private RequestId Key => _id ??= RequestId.Parse(this.GetPrimaryKeyString());

    private RequestRecord? Record => state.State.Value;

    // Orleans has read the state before this runs.
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await RearmTimersAsync();
        await KeepOutboxGoingAsync();
    }

    public async Task<AssistanceRequest> CreateAsync(NewAssistanceRequest draft, Actor actor, string? idempotencyKey)
    {
        var content = RequestContent.Sha256(draft);
        if (Record is { } existing)
        {
            return existing.Request.ContentSha256 == content ? View(existing) : throw new RequestAlreadyExistsException(Key.Value);
        }

        if (actor.Authority != Key.Authority)
        {
            throw new ArgumentException($"{actor} cannot create a request of {Key.Authority}.", nameof(actor));
        }

        var now = clock.GetCurrentInstant();
        var request = new AssistanceRequest(
            Key, draft.Kind, new Party(Key.Authority.Country, Key.Authority), draft.Requested, draft.LegalBasis, draft.Language, draft.Urgency,
            draft.UrgencyReason, draft.SummaryOfFacts, draft.Offences, draft.Persons, draft.Measures, draft.Attachments,
            RequestStatus.Draft, [new TimelineEvent(now, actor.ToString(), "created")], now, idempotencyKey, content);
        var (started, effects) = _workflow.Start(new RequestRecord(request), actor, now);
        return await SaveAsync(started, effects, Audit(actor, "request.created"));
    }

    public async Task<AssistanceRequest> OpenReceivedAsync(IncomingRequest incoming)
    {
        if (Record is { } existing)
        {
            return View(existing);
        }

        var origin = incoming.Origin;
        var now = clock.GetCurrentInstant();
        var received = origin with
        {
            Id = Key,
            Side = WorkflowSide.Requested,
            Status = RequestStatus.Draft,
            Timeline = [new TimelineEvent(now, RequestDelivery.Actor, $"received from {origin.Requesting.Authority} as {origin.Id}")],
            CreatedAt = now,
            IdempotencyKey = incoming.MessageId,
            Workflow = null,
            Outbox = null,
            Counterpart = origin.Id.Value,
            ReceivedMessages = [new ReceivedMessage(incoming.MessageId, MessageType.Request, origin.Id.Value, now, [.. (incoming.Files ?? []).Select(f => f.Id)])],
            Files = [],
        };
        var record = new RequestRecord(WithReceivedFiles(received, incoming.Files, incoming.MessageId, now));
        var (started, effects) = _workflow.Start(record, new Actor(Key.Authority, "system", "exchange"), now);
        return await SaveAsync(started, effects, new AuditEntry(Key.Authority.Value, RequestDelivery.Actor, "request.received", Key.Value));
    }

    public async Task ReceiveMessageAsync(IncomingMessage message)
    {
        var record = Record ?? throw new RequestNotFoundException(Key.Value);
        if (record.Request.HasReceived(message.MessageId))
        {
            return; // delivered before: exactly once
        }

        var now = clock.GetCurrentInstant();
        var request = record.Request;
        var received = record with
        {
            Request = WithReceivedFiles(request with
            {
                ReceivedMessages = [.. request.ReceivedMessages ?? [], new ReceivedMessage(message.MessageId, message.Type, message.FromRequestId, now, [.. (message.Files ?? []).Select(f => f.Id)])],
                Timeline = [.. request.Timeline, new TimelineEvent(now, RequestDelivery.Actor, $"received from {request.Other.Authority} ({message.FromRequestId}): {message.Type}")],
            }, message.Files, message.MessageId, now),
        };
        var audit = new AuditEntry(Key.Authority.Value, RequestDelivery.Actor, "request.message-received", Key.Value);
        try
        {
            var (changed, effects) = _workflow.Apply(received, null, now, (d, i, c) => WorkflowEngine.Receive(d, i, message.Type, c));
            await SaveAsync(changed, effects, audit);
        }
        catch (RequestConflictException e)
        {
            // Nothing awaits it (or the workflow has ended): kept on the record and audited, not lost and not retried for ever.
            var unexpected = received with
            {
                Request = received.Request with { Timeline = [.. received.Request.Timeline, new TimelineEvent(now, RequestDelivery.Actor, $"unexpected {message.Type}: {e.Message}")] },
            };
            await SaveAsync(unexpected, [], audit with { Action = "request.message-unexpected" });
        }
    }

    public async Task RecordRemoteAcceptanceAsync(string messageId, string acceptance)
    {
        if (Record is { } record && RequestDelivery.Accepted(record.Request, messageId, acceptance, clock.GetCurrentInstant()) is { } accepted)
        {
            await state.WriteAsync(record with { Request = accepted }, new AuditEntry(Key.Authority.Value, RequestDelivery.Actor, "request.message-accepted", Key.Value));
        }
    }

    public async Task RecordDeliveryAsync(string messageId, RemoteReceipt receipt)
    {
        _attempts.Answered(messageId);
        if (Record is not { } record || RequestDelivery.Answered(record.Request, messageId, receipt, clock.GetCurrentInstant()) is not { } answered)
        {
            return;
        }

        var action = receipt.Accepted ? "request.message-delivered" : "request.message-refused";
        await SaveAsync(record with { Request = answered }, [], new AuditEntry(Key.Authority.Value, RequestDelivery.Actor, action, Key.Value));
    }

    public async Task RecordDeliveryFailureAsync(string messageId, string reason)
    {
        if (Record is not { } record || record.Request.Outbox?.FirstOrDefault(m => m.Id == messageId && m.IsPending) is not { } message)
        {
            return;
        }

        var why = string.Join(' ', reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        why = why.Length > MaxFailureLength ? why[..MaxFailureLength] + "…" : why;
        if (_attempts.Failed(message, why, clock.GetCurrentInstant()) is not { } failing)
        {
            return;
        }

        var request = record.Request;
        var timeline = message.LastError == why ? request.Timeline
            : [.. request.Timeline, new TimelineEvent(failing.LastAttemptAt!.Value, RequestDelivery.Actor, $"not delivered to {request.Other.Authority} yet: {message.Type}: {why}")];
        IReadOnlyList<OutgoingMessage> messages = [.. request.Outbox!.Select(m => m.Id == messageId ? failing : m)];
        await state.WriteAsync(record with { Request = request with { Outbox = messages, Timeline = timeline } },
            new AuditEntry(Key.Authority.Value, RequestDelivery.Actor, "request.delivery-failing", Key.Value));
        logger.LogWarning("Message {MessageId} to {Recipient} not delivered after {Attempts} attempt(s): {Reason}; tried again every {Retry}",
            messageId, request.Other.Authority, failing.Attempts, why, outbox.Retry);
    }

    public Task<IReadOnlyList<RequestMessage>> MessagesAsync()
    {
        var request = (Record ?? throw new RequestNotFoundException(Key.Value)).Request;
        IEnumerable<RequestMessage> sent = (request.Outbox ?? []).Select(m => new RequestMessage(m.Id, MessageDirection.Sent, m.Type, m.QueuedAt, m.Files ?? [], _attempts.Of(m)));
        IEnumerable<RequestMessage> received = (request.ReceivedMessages ?? []).Select(m => new RequestMessage(m.Id, MessageDirection.Received, m.Type, m.ReceivedAt, m.Files ?? [], null));
        return Task.FromResult<IReadOnlyList<RequestMessage>>([.. sent.Concat(received).OrderBy(m => m.CreatedAt ?? Instant.MinValue)]);
    }

    public Task<AssistanceRequest?> GetAsync() => Task.FromResult(Record is { } record ? View(record) : null);

    public Task<AssistanceRequest> CompleteTaskAsync(Actor actor, int taskId, string outcome, JsonObject form)
    {
        var record = Record ?? throw new RequestNotFoundException(Key.Value);
        var (_, definition, instance) = _workflow.Running(record);
        if (definition.Step(Refusals.Translate(() => instance.Token(taskId)).StepId) is TaskStep task && !RequestWorkflow.MayComplete(actor.Role, task.Role))
        {
            throw new TaskNotForRoleException(task.Title, task.Role, actor.Role);
        }

        return ChangeAsync(record, actor, "request.task-completed", (d, i, c) => WorkflowEngine.CompleteTask(d, i, taskId, outcome, form, c));
    }

    public Task<AssistanceRequest> RetryStepAsync(Actor actor, int taskId) =>
        ChangeAsync(Record ?? throw new RequestNotFoundException(Key.Value), actor, "request.step-retried",
            (d, i, c) => WorkflowEngine.Retry(d, i, taskId, c));

    public Task<AssistanceRequest> RouteStepAsync(Actor actor, int taskId, string outcome) =>
        ChangeAsync(Record ?? throw new RequestNotFoundException(Key.Value), actor, "request.step-routed",
            (d, i, c) => WorkflowEngine.Route(d, i, taskId, outcome, c));

    public Task<AssistanceRequest> SignalAsync(Actor actor, string signal) =>
        ChangeAsync(Record ?? throw new RequestNotFoundException(Key.Value), actor, "request.signalled",
            (d, i, c) => WorkflowEngine.Signal(d, i, signal, c));

    public async Task<MigrationResult?> MigrateWorkflowAsync(Actor actor, WorkflowMigration migration, Procedure? expected, bool dryRun)
    {
        var record = Record ?? throw new RequestNotFoundException(Key.Value);
        var from = record.Workflow is { IsEnded: false } running ? RequestView.ProcedureOf(running.Definition) : null;
        if (expected is not null && expected != from)
        {
            return null; // not one of the requests a bulk migration moves
        }

        if (from is null)
        {
            throw new RequestConflictException("The request's workflow is not running; there is nothing to migrate.");
        }

        var (plugin, _, _) = _workflow.Running(record);
        var target = plugin.Version(from.Side, from.Kind, migration.Version)
            ?? throw new RequestConflictException($"{from.Country} has no version {migration.Version} of this workflow.");
        var (changed, effects) = _workflow.Apply(record, actor, clock.GetCurrentInstant(),
            (d, i, c) => WorkflowEngine.Migrate(d, target, i, migration.Steps, migration.Reason, c));
        if (!dryRun)
        {
            await SaveAsync(changed, effects, Audit(actor, "request.workflow-migrated"));
        }

        return new MigrationResult(Key.Value, from, migration.Version, [.. changed.Workflow!.Tokens.Select(t => t.StepId)], Applied: !dryRun);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == OutboxReminder)
        {
            _outboxReminderSet = true;
            await KeepOutboxGoingAsync();
            return;
        }

        await OnTimerAsync(reminderName);
    }

    public async Task<AssistanceRequest> AddFileAsync(Actor actor, EvidenceFile file)
    {
        var record = Record ?? throw new RequestNotFoundException(Key.Value);
        var request = record.Request;
        if (record.Workflow is not { IsEnded: false })
        {
            throw new RequestConflictException("The request's workflow is not running, so no message would carry the file to the counterpart.");
        }

        if ((request.Files?.Count ?? 0) >= RequestLimits.MaxFiles)
        {
            throw new RequestConflictException($"The request holds {RequestLimits.MaxFiles} files already.");
        }

        var added = file with { AddedAt = clock.GetCurrentInstant(), AddedBy = actor.ToString(), SentIn = null, ReceivedIn = null };
        var changed = record with
        {
            Request = request with
            {
                Files = [.. request.Files ?? [], added],
                Timeline = [.. request.Timeline, new TimelineEvent(added.AddedAt, added.AddedBy, $"file added: {Describe(added)}; the next message to {request.Other.Authority} carries it")],
            },
        };
        await state.WriteAsync(changed, Audit(actor, "request.file-added"));
        return View(changed);
    }

    public async Task<AssistanceRequest> AddNoteAsync(Actor actor, string text)
    {
        var record = Record ?? throw new RequestNotFoundException(Key.Value);
        if (string.IsNullOrWhiteSpace(text) || text.Length > RequestLimits.MaxNoteLength)
        {
            throw new ArgumentException($"A note has 1 to {RequestLimits.MaxNoteLength} characters.", nameof(text));
        }

        var noted = record with { Request = record.Request with { Timeline = [.. record.Request.Timeline, new TimelineEvent(clock.GetCurrentInstant(), actor.ToString(), $"note: {text}")] } };
        await state.WriteAsync(noted, Audit(actor, "request.note-added"));
        return View(noted);
    }

    private async Task<AssistanceRequest> ChangeAsync(
        RequestRecord record, Actor actor, string action, Func<WorkflowDefinition, WorkflowInstance, WorkflowContext, WorkflowTransition> operation)
    {
        var (changed, effects) = _workflow.Apply(record, actor, clock.GetCurrentInstant(), operation);
        return await SaveAsync(changed, effects, Audit(actor, action));
    }

    // Timers are armed before the state is written and disarmed after: a crash in between leaves at most a reminder
    // that finds nothing to do, never a step waiting on a reminder that does not exist.
    private async Task<AssistanceRequest> SaveAsync(RequestRecord record, IReadOnlyList<WorkflowEffect> effects, AuditEntry audit)
    {
        foreach (var arm in effects.OfType<ArmTimer>())
        {
            await ArmAsync(arm.Name, arm.DueAt);
        }

        await state.WriteAsync(record, audit);
        foreach (var disarm in effects.OfType<DisarmTimer>())
        {
            await ForgetReminderAsync(disarm.Name);
        }

        await KeepOutboxGoingAsync();
        return View(record);
    }

    /// <summary>A workflow timer (deadline, warning, timer step) fell due. The state says what is due when; a late or repeated tick changes nothing.</summary>
    private async Task OnTimerAsync(string name)
    {
        if (DueOf(name) is not { } due)
        {
            await ForgetReminderAsync(name); // its step was left, or its warning given
            return;
        }

        var now = clock.GetCurrentInstant();
        if (now < due)
        {
            // Early: an activation that lost a write race replaced this reminder with its own time. The state's time wins.
            await ArmAsync(name, due);
            return;
        }

        // After an outage a deadline and its warning tick in either order: the warning is given first, as it was due first.
        if (TimerNames.TryParse(name, out var tokenId, out var isWarning) && !isWarning && DueOf(TimerNames.Warn(tokenId)) is { } warnAt && warnAt <= now)
        {
            await OnTimerAsync(TimerNames.Warn(tokenId));
        }

        var (changed, effects) = _workflow.Apply(Record!, null, now, (d, i, c) => WorkflowEngine.TimerDue(d, i, name, due, c));
        await SaveAsync(changed, effects, new AuditEntry(Key.Authority.Value, SystemActor, "request.timer-fired", Key.Value));
        await ForgetReminderAsync(name);
    }

    /// <summary>When the stored state says timer <paramref name="name"/> falls due; null when it waits for no such timer.</summary>
    private Instant? DueOf(string name)
    {
        if (Record?.Workflow is not { IsEnded: false } instance || !TimerNames.TryParse(name, out var tokenId, out var isWarning))
        {
            return null;
        }

        var token = instance.Tokens.FirstOrDefault(t => t.Id == tokenId && t.State == TokenState.Waiting);
        return isWarning ? token?.WarnAt : token?.DueAt;
    }

    private Task ArmAsync(string name, Instant dueAt)
    {
        var dueIn = dueAt - clock.GetCurrentInstant();
        return this.RegisterOrUpdateReminder(name, dueIn > Duration.Zero ? dueIn.ToTimeSpan() : TimeSpan.Zero, ReminderPeriod);
    }

    private async Task ForgetReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    // A write that lost a race (InconsistentStateException) may have left the winner's steps without their reminders, and
    // a crash between arming and writing leaves one for a step never entered: on activation, every step the stored state
    // waits on gets its reminder back. Reminders of steps already left remove themselves when they tick.
    private async Task RearmTimersAsync()
    {
        var waiting = (Record?.Workflow?.Tokens ?? []).Where(t => t.State == TokenState.Waiting && (t.DueAt is not null || t.WarnAt is not null)).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var armed = (await this.GetReminders()).Select(r => r.ReminderName).ToHashSet(StringComparer.Ordinal);
        foreach (var token in waiting)
        {
            if (token.DueAt is { } due && !armed.Contains(TimerNames.Due(token.Id)))
            {
                await ArmAsync(TimerNames.Due(token.Id), due);
            }

            if (token.WarnAt is { } warn && !armed.Contains(TimerNames.Warn(token.Id)))
            {
                await ArmAsync(TimerNames.Warn(token.Id), warn);
            }
        }
    }

    // While a message is pending: a timer of this activation offers it to the sender now and every OutboxSchedule.Retry,
    // and a durable reminder wakes the request should its activation or node go first. Neither once all are delivered.
    private async Task KeepOutboxGoingAsync()
    {
        if (Record?.Request.Outbox?.Any(m => m.IsPending) != true)
        {
            _outboxTimer?.Dispose();
            _outboxTimer = null;
            if (_outboxReminderSet)
            {
                await ForgetReminderAsync(OutboxReminder);
                _outboxReminderSet = false;
            }

            return;
        }

        if (!_outboxReminderSet)
        {
            var wakeUp = TimeSpan.FromTicks(Math.Max(outbox.Retry.ToTimeSpan().Ticks, ReminderPeriod.Ticks));
            await this.RegisterOrUpdateReminder(OutboxReminder, wakeUp, wakeUp);
            _outboxReminderSet = true;
        }

        if (_outboxTimer is null)
        {
            _outboxTimer = this.RegisterGrainTimer(OfferNextMessage, TimeSpan.Zero, outbox.Retry.ToTimeSpan());
        }
        else
        {
            _outboxTimer.Change(TimeSpan.Zero, outbox.Retry.ToTimeSpan());
        }
    }

    private async Task OfferNextMessage()
    {
        if (Record is not { } record || RequestDelivery.Next(record.Request) is not { } message)
        {
            return;
        }

        if (sender.Reaches(message.Recipient))
        {
            _attempts.Sending(message.MessageId);
            sender.Start(message);
        }
        else
        {
            // Its peer's address or keys were taken from the node's configuration since: said, not kept silent.
            await RecordDeliveryFailureAsync(message.MessageId,
                $"No node reaches {message.Recipient}: it is not served here, and no peer node with its public keys is configured.");
        }
    }

    private AssistanceRequest View(RequestRecord record) =>
        RequestView.Of(record, record.Workflow is { } instance ? _workflow.DefinitionOf(instance) : null);

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

    private AuditEntry Audit(Actor actor, string action) => new(Key.Authority.Value, actor.ToString(), action, Key.Value);
}
