using System.Text.Json.Nodes;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// Where a request's workflow stands: the procedure it follows, the steps open now, what happened at each step it
/// left, the forms filled in on the way, and — once it has ended — the status it ended with and the ground given.
/// </summary>
/// <param name="Procedure">The responsible state's definition the request runs, pinned to the version it started on.</param>
/// <param name="Steps">The steps open now, oldest first: waiting for a person, a message, a signal or a time, or failed.</param>
/// <param name="History">Every step left (through an outcome, by a fault, a retry, a migration), in order.</param>
/// <param name="Forms">The form each completed task was completed with, by step id.</param>
/// <param name="Ended">The status the workflow ended with; null while it runs.</param>
/// <param name="Ground">For a refusal or postponement: the ground the deciding step recorded.</param>
public sealed record WorkflowProgress(
    Procedure Procedure,
    IReadOnlyList<OpenStep> Steps,
    IReadOnlyList<WorkflowEvent> History,
    IReadOnlyDictionary<string, JsonObject> Forms,
    RequestStatus? Ended = null,
    string? Ground = null);
