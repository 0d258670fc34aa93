using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;

namespace MlaFlow.Workflows.Tests.Execution;

/// <summary>Builds small definitions in code for engine tests (the loader has its own tests).</summary>
internal static class Flow
{
    public static readonly WorkflowRef Reference = new(CountryCode.Parse("TH"), WorkflowSide.Requested, RequestKind.Evidence, 1);

    public static WorkflowDefinition Of(string start, params StepDefinition[] steps) =>
        new(WorkflowSide.Requested, RequestKind.Evidence, 1, "test", start, steps);

    public static Dictionary<string, string> Out(params (string Outcome, string Next)[] outcomes) =>
        outcomes.ToDictionary(o => o.Outcome, o => o.Next);

    public static TaskStep Task(string id, params (string, string)[] outcomes) =>
        new(id, "officer", id, [], null, Out(outcomes));

    public static EndStep End(string id, FinalStatus status = FinalStatus.Executed, string? ground = null) => new(id, status, ground);
}
