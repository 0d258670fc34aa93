using Orleans;

namespace MlaFlow.Grains.Requests;

/// <summary>One request for assistance, keyed by its <see cref="RequestId"/>.</summary>
public interface IAssistanceRequestGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the request. Calling it again with the same content returns the stored request; with
    /// other content it throws <see cref="RequestAlreadyExistsException"/>.
    /// </summary>
    Task<AssistanceRequest> CreateAsync(NewAssistanceRequest draft, Actor actor, string? idempotencyKey);

    /// <summary>
    /// Opens the requested authority's copy of a request that arrived, and starts the requested state's
    /// workflow. Opening it again for the same message returns it unchanged.
    /// </summary>
    Task<AssistanceRequest> OpenReceivedAsync(IncomingRequest incoming);

    /// <summary>Delivers a message from the counterpart to the step awaiting it, once: a repeated message id changes nothing.</summary>
    Task ReceiveMessageAsync(IncomingMessage message);

    /// <summary>
    /// Keeps the recipient's signed acceptance of pending outbox message <paramref name="messageId"/>, as soon as it
    /// comes: its files and delivery follow, and may take several attempts. Audited; kept once.
    /// </summary>
    Task RecordRemoteAcceptanceAsync(string messageId, string acceptance);

    /// <summary>
    /// Records what the recipient answered to outbox message <paramref name="messageId"/>, sent outside the request's
    /// turn — to the counterpart's copy on this node, or to another node: delivered (with, from another node, the signed
    /// acceptance and delivery evidence) or refused (final). Audited; an answer for a message no longer pending changes nothing.
    /// </summary>
    Task RecordDeliveryAsync(string messageId, Exchange.RemoteReceipt receipt);

    /// <summary>
    /// Records that an attempt to send outbox message <paramref name="messageId"/> failed, and why (the recipient's node
    /// down, no route to it): the message stays pending and is tried again. Kept, audited and logged as a warning at the
    /// first failure, when the reason changes and then hourly, not at every attempt.
    /// </summary>
    Task RecordDeliveryFailureAsync(string messageId, string reason);

    /// <summary>Every message of the request, sent and received, oldest first, with where each sent one's delivery stands.</summary>
    /// <exception cref="RequestNotFoundException">No request has this id.</exception>
    Task<IReadOnlyList<RequestMessage>> MessagesAsync();

    /// <summary>The request, or null when no request has this id.</summary>
    Task<AssistanceRequest?> GetAsync();

    /// <summary>Completes open task <paramref name="taskId"/> of the request's workflow with an outcome and its form data.</summary>
    /// <exception cref="RequestNotFoundException">No request has this id.</exception>
    /// <exception cref="TaskNotFoundException">The workflow never had such a step.</exception>
    /// <exception cref="RequestConflictException">The task is no longer open, or has no such outcome.</exception>
    /// <exception cref="TaskNotForRoleException">The task is given to another role.</exception>
    /// <exception cref="FormRejectedException">The form data breaks the task's form.</exception>
    Task<AssistanceRequest> CompleteTaskAsync(Actor actor, int taskId, string outcome, System.Text.Json.Nodes.JsonObject form);

    /// <summary>Runs faulted step <paramref name="taskId"/> again.</summary>
    /// <exception cref="TaskNotFoundException">The workflow never had such a step.</exception>
    /// <exception cref="RequestConflictException">The step is not failed, or no longer open.</exception>
    Task<AssistanceRequest> RetryStepAsync(Actor actor, int taskId);

    /// <summary>Leaves faulted step <paramref name="taskId"/> through <paramref name="outcome"/>, an officer deciding in its place.</summary>
    /// <exception cref="TaskNotFoundException">The workflow never had such a step.</exception>
    /// <exception cref="RequestConflictException">The step is not failed, or has no such outcome.</exception>
    Task<AssistanceRequest> RouteStepAsync(Actor actor, int taskId, string outcome);

    /// <summary>
    /// Raises <paramref name="signal"/> (e.g. <c>withdraw</c>): the step of the running workflow that awaits it, the
    /// longest waiting if several, goes on; audited.
    /// </summary>
    /// <exception cref="RequestNotFoundException">No request has this id.</exception>
    /// <exception cref="RequestConflictException">No step awaits the signal now; the message names those that do.</exception>
    Task<AssistanceRequest> SignalAsync(Actor actor, string signal);

    /// <summary>
    /// Moves the running workflow to another version of its procedure, each open step mapped to a step of that version
    /// that waits, never past a task no one has done (docs/workflows.md, "Migrating running requests"); audited, on the
    /// timeline with the reason. With <paramref name="dryRun"/>, only says what it would do. Refused, changing nothing,
    /// when the move breaks a rule.
    /// </summary>
    /// <param name="actor">The operator.</param>
    /// <param name="migration">The version, the step mapping and the reason.</param>
    /// <param name="expected">For a bulk migration, the procedure the requests it moves run: any other request answers null.</param>
    /// <param name="dryRun">Whether to say what it would do rather than do it.</param>
    /// <exception cref="RequestNotFoundException">No request has this id.</exception>
    /// <exception cref="RequestConflictException">The workflow is not running, no such version, or a rule is broken; the message says which.</exception>
    Task<MigrationResult?> MigrateWorkflowAsync(Actor actor, WorkflowMigration migration, Procedure? expected, bool dryRun);

    /// <summary>
    /// Records a file already stored (encrypted) in the node's file store as held with the request; the next message
    /// the workflow sends to the counterpart carries it. Audited, and on the timeline with its SHA-256.
    /// </summary>
    /// <exception cref="RequestNotFoundException">No request has this id.</exception>
    /// <exception cref="RequestConflictException">
    /// The request's workflow has ended (no message would carry the file), or it holds <see cref="RequestLimits.MaxFiles"/> files.
    /// </exception>
    Task<AssistanceRequest> AddFileAsync(Actor actor, EvidenceFile file);

    /// <summary>Adds a note to the request's timeline.</summary>
    /// <exception cref="RequestNotFoundException">No request has this id.</exception>
    Task<AssistanceRequest> AddNoteAsync(Actor actor, string text);
}
