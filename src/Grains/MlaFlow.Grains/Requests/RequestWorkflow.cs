using System.Globalization;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// Runs a request's workflow: finds its definition in the responsible state's plugin, gives the engine
/// the request's facts and that state's calendar, and folds the result back into the request (status,
/// timeline, outbox). Timers are returned for the grain to arm and disarm around its state write. What the
/// engine refuses is translated into the exceptions callers of the grain see.
/// </summary>
internal sealed class RequestWorkflow(PluginCatalog plugins)
{
    /// <summary>Roles that may complete a task given to <c>executing</c>: the executing authority has no account, so the central authority's officer records what it did.</summary>
    private const string ExecutingRole = "executing";

    /// <summary>Starts the workflow of the responsible state for the request's side and kind; without one, the request stays a draft.</summary>
    public (RequestRecord Record, IReadOnlyList<WorkflowEffect> Effects) Start(RequestRecord record, Actor actor, Instant now)
    {
        var request = record.Request;
        var responsible = request.Side == WorkflowSide.Requesting ? request.Requesting.State : request.Requested.State;
        if (plugins.For(responsible) is not { } plugin || plugin.Latest(request.Side, request.Kind) is not { } definition)
        {
            return (record, []);
        }

        var reference = new WorkflowRef(responsible, request.Side, request.Kind, definition.Version);
        return Run(record, plugin, actor, now, context => WorkflowEngine.Start(definition, reference, context));
    }

    /// <summary>Applies <paramref name="operation"/> to the running workflow.</summary>
    /// <exception cref="RequestConflictException">The request has no running workflow, or the engine refused the operation.</exception>
    /// <exception cref="TaskNotFoundException">The operation names a step the workflow never had.</exception>
    /// <exception cref="FormRejectedException">The operation's form breaks the task's form.</exception>
    public (RequestRecord Record, IReadOnlyList<WorkflowEffect> Effects) Apply(
        RequestRecord record, Actor? actor, Instant now, Func<WorkflowDefinition, WorkflowInstance, WorkflowContext, WorkflowTransition> operation)
    {
        var (plugin, definition, instance) = Running(record);
        return Run(record, plugin, actor, now, context => Refusals.Translate(() => operation(definition, instance, context)));
    }

    /// <summary>The definition a running request follows: the version it started on.</summary>
    /// <exception cref="RequestConflictException">The request has no running workflow.</exception>
    public (CountryPlugin Plugin, WorkflowDefinition Definition, WorkflowInstance Instance) Running(RequestRecord record)
    {
        if (record.Workflow is not { IsEnded: false } instance)
        {
            throw new RequestConflictException(record.Workflow is null ? "The request follows no workflow." : $"The request's workflow has ended ({record.Workflow.Ended}).");
        }

        var reference = instance.Definition;
        var plugin = plugins.For(reference.Country)
            ?? throw new InvalidOperationException($"The plugin of {reference.Country} is not loaded, so {reference} cannot run.");
        var definition = plugin.Version(reference.Side, reference.Kind, reference.Version)
            ?? throw new InvalidOperationException($"The plugin of {reference.Country} no longer has {reference}; migrate the request to a loaded version.");
        return (plugin, definition, instance);
    }

    /// <summary>The definition <paramref name="instance"/> runs, if its plugin is loaded with that version.</summary>
    public WorkflowDefinition? DefinitionOf(WorkflowInstance instance) =>
        plugins.For(instance.Definition.Country)?.Version(instance.Definition.Side, instance.Definition.Kind, instance.Definition.Version);

    /// <summary>Whether someone in <paramref name="actorRole"/> may complete a task given to <paramref name="taskRole"/>.</summary>
    public static bool MayComplete(string actorRole, string taskRole) =>
        actorRole == taskRole || taskRole == ExecutingRole && actorRole == "officer";

    private static (RequestRecord, IReadOnlyList<WorkflowEffect>) Run(
        RequestRecord record, CountryPlugin plugin, Actor? actor, Instant now, Func<WorkflowContext, WorkflowTransition> operation)
    {
        var request = record.Request;
        var outbox = new CollectingOutbox();
        var who = actor?.ToString() ?? "system:workflow";
        var context = new WorkflowContext(now, who, RequestFacts.Of(request, plugin.Manifest.Facts), plugin.Manifest.Calendar, outbox, plugin.Code.Steps);
        var transition = operation(context);
        var instance = transition.Instance;

        var timeline = request.Timeline.ToList();
        timeline.AddRange(transition.Effects.OfType<DeadlineWarning>().Select(w => new TimelineEvent(now, who, $"deadline approaching: {w.StepId} due {w.DueAt}")));
        timeline.AddRange(transition.Effects.OfType<Migrated>().Select(m => new TimelineEvent(now, who, $"workflow migrated from version {m.FromVersion} to {m.ToVersion}: {m.Reason}")));
        var sent = request.Outbox?.ToList() ?? [];
        var files = request.Files;
        foreach (var (message, stepId) in outbox.Messages)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{request.Id}/m{sent.Count + 1}");
            var (carried, withFiles) = Carry(files, id);
            files = withFiles;
            sent.Add(new OutgoingMessage(id, message, stepId, now, Files: carried));
            timeline.Add(new TimelineEvent(now, who, $"message queued for {request.Other.Authority}: {message}" + (carried is null ? "" : $" with {carried.Count} file(s)")));
        }

        if (instance.Ended is { } ended && record.Workflow?.Ended is null)
        {
            timeline.Add(new TimelineEvent(now, who, $"workflow ended: {ended}" + (instance.Ground is { } ground ? $" ({ground})" : "")));
        }

        var status = instance.Ended is { } final ? Enum.Parse<RequestStatus>(final.ToString()) : RequestStatus.InProgress;
        return (record with { Request = request with { Status = status, Timeline = timeline, Outbox = sent, Files = files }, Workflow = instance }, transition.Effects);
    }

    // The files added since the previous message go with the next one, whatever it is: an officer uploads the evidence
    // obtained, then completes the review, and the result sent carries it.
    private static (IReadOnlyList<string>? Carried, IReadOnlyList<EvidenceFile>? Files) Carry(IReadOnlyList<EvidenceFile>? files, string messageId)
    {
        if (files?.Any(f => f.IsUnsent) != true)
        {
            return (null, files);
        }

        return ([.. files.Where(f => f.IsUnsent).Select(f => f.Id)], [.. files.Select(f => f.IsUnsent ? f with { SentIn = messageId } : f)]);
    }
}
