using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Workflows.Calendars;
using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Execution;
using NodaTime;

namespace MlaFlow.Workflows.Tests.Execution;

/// <summary>Runs one definition through the engine the way a request grain does, keeping the instance and the effects.</summary>
internal sealed class EngineHarness(WorkflowDefinition definition, JsonObject? facts = null) : IWorkflowOutbox
{
    public Instant Now { get; set; } = Instant.FromUtc(2026, 3, 2, 2, 0); // Monday 09:00 in Bangkok

    public WorkflowDefinition Definition => definition;

    public WorkflowInstance Instance { get; private set; } = null!;

    public List<WorkflowEffect> Effects { get; } = [];

    public List<(MessageType Message, string StepId)> Sent { get; } = [];

    /// <summary>When set, the outbox refuses messages with this error, as a suspended channel would.</summary>
    public string? OutboxFailure { get; set; }

    /// <summary>The handlers of the plugin's assembly by name; tests add and remove them between operations.</summary>
    public Dictionary<string, ICustomStep> CustomSteps { get; } = new(StringComparer.Ordinal);

    public BusinessCalendar Calendar { get; } = BusinessCalendar.Create("Asia/Bangkok", null, [new LocalDate(2026, 4, 13), new LocalDate(2026, 4, 14), new LocalDate(2026, 4, 15)]);

    public WorkflowContext Context => new(Now, "officer:TH-OAG:test", facts ?? new JsonObject(), Calendar, this, CustomSteps);

    public StepToken Token(string stepId) => Instance.Tokens.Single(t => t.StepId == stepId);

    public EngineHarness Start() => Apply(WorkflowEngine.Start(definition, Flow.Reference, Context));

    public EngineHarness Complete(string stepId, string outcome, JsonObject? form = null) =>
        Apply(WorkflowEngine.CompleteTask(definition, Instance, Token(stepId).Id, outcome, form ?? [], Context));

    public EngineHarness Receive(MessageType message) => Apply(WorkflowEngine.Receive(definition, Instance, message, Context));

    public EngineHarness Signal(string signal) => Apply(WorkflowEngine.Signal(definition, Instance, signal, Context));

    public EngineHarness Fire(string timerName, Instant dueAt) => Apply(WorkflowEngine.TimerDue(definition, Instance, timerName, dueAt, Context));

    public EngineHarness Retry(string stepId) => Apply(WorkflowEngine.Retry(definition, Instance, Token(stepId).Id, Context));

    public EngineHarness Route(string stepId, string outcome) => Apply(WorkflowEngine.Route(definition, Instance, Token(stepId).Id, outcome, Context));

    public void Enqueue(MessageType message, string stepId)
    {
        if (OutboxFailure is not null)
        {
            throw new InvalidOperationException(OutboxFailure);
        }

        Sent.Add((message, stepId));
    }

    private EngineHarness Apply(WorkflowTransition transition)
    {
        Instance = transition.Instance;
        Effects.AddRange(transition.Effects);
        return this;
    }
}
