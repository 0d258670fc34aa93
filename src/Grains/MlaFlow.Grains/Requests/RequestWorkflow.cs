using System.Globalization;
using MlaFlow.Plugins.Host;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// Runs a request's workflow: finds its definition in the responsible state's plugin, gives the engine
/// the request's facts and that state's calendar, and folds the result back into the request (status,
/// timeline, outbox). Timers are returned for the grain to arm and disarm around its state write.
/// </summary>
internal sealed class RequestWorkflow(PluginCatalog plugins)
{
    /// <summary>Roles that may complete a task given to <c>executing</c>: the executing authority has no account, so the central authority's officer records what it did.</summary>
    private const string ExecutingRole = "executing";

    /// <summary>Starts the workflow of the responsible state for the request's side and kind; without one, the request stays a draft.</summary>
    public (AssistanceRequest Request, IReadOnlyList<WorkflowEffect> Effects) Start(AssistanceRequest request, Actor actor, Instant now)
    {
        var responsible = request.Side == WorkflowSide.Requesting ? request.Requesting.State : request.Requested.State;
        if (plugins.For(responsible) is not { } plugin || plugin.Latest(request.Side, request.Kind) is not { } definition)
        {
            return (request, []);
        }

        var reference = new WorkflowRef(responsible, request.Side, request.Kind, definition.Version);
        return Run(request, plugin, actor, now, context => WorkflowEngine.Start(definition, reference, context));
    }

    /// <summary>Applies <paramref name="operation"/> to the running workflow.</summary>
    /// <exception cref="WorkflowOperationException">The request has no running workflow.</exception>
    public (AssistanceRequest Request, IReadOnlyList<WorkflowEffect> Effects) Apply(
        AssistanceRequest request, Actor? actor, Instant now, Func<WorkflowDefinition, WorkflowInstance, WorkflowContext, WorkflowTransition> operation)
    {
        var (plugin, definition, instance) = Running(request);
        return Run(request, plugin, actor, now, context => operation(definition, instance, context));
    }

    /// <summary>The definition a running request follows: the version it started on.</summary>
    public (CountryPlugin Plugin, WorkflowDefinition Definition, WorkflowInstance Instance) Running(AssistanceRequest request)
    {
        if (request.Workflow is not { IsEnded: false } instance)
        {
            throw new WorkflowOperationException(request.Workflow is null ? "The request follows no workflow." : $"The request's workflow has ended ({request.Workflow.Ended}).");
        }

        var reference = instance.Definition;
        var plugin = plugins.For(reference.Country)
            ?? throw new InvalidOperationException($"The plugin of {reference.Country} is not loaded, so {reference} cannot run.");
        var definition = plugin.Version(reference.Side, reference.Kind, reference.Version)
            ?? throw new InvalidOperationException($"The plugin of {reference.Country} no longer has {reference}; migrate the request to a loaded version.");
        return (plugin, definition, instance);
    }

    /// <summary>Whether someone in <paramref name="actorRole"/> may complete a task given to <paramref name="taskRole"/>.</summary>
    public static bool MayComplete(string actorRole, string taskRole) =>
        actorRole == taskRole || taskRole == ExecutingRole && actorRole == "officer";

    private static (AssistanceRequest, IReadOnlyList<WorkflowEffect>) Run(
        AssistanceRequest request, CountryPlugin plugin, Actor? actor, Instant now, Func<WorkflowContext, WorkflowTransition> operation)
    {
        var outbox = new CollectingOutbox();
        var who = actor?.ToString() ?? "system:workflow";
        var context = new WorkflowContext(now, who, RequestFacts.Of(request, plugin.Manifest.Facts), plugin.Manifest.Calendar, outbox, plugin.Code.Steps);
        var transition = operation(context);
        var instance = transition.Instance;

        var timeline = request.Timeline.ToList();
        timeline.AddRange(transition.Effects.OfType<DeadlineWarning>().Select(w => new TimelineEvent(now, who, $"deadline approaching: {w.StepId} due {w.DueAt}")));
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

        if (instance.Ended is { } ended && request.Workflow?.Ended is null)
        {
            timeline.Add(new TimelineEvent(now, who, $"workflow ended: {ended}" + (instance.Ground is { } ground ? $" ({ground})" : "")));
        }

        var status = instance.Ended is { } final ? Enum.Parse<RequestStatus>(final.ToString()) : RequestStatus.InProgress;
        return (request with { Workflow = instance, Status = status, Timeline = timeline, Outbox = sent, Files = files }, transition.Effects);
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
