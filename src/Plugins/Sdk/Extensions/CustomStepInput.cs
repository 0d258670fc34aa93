using System.Text.Json.Nodes;

namespace MlaFlow.Plugins.Sdk.Extensions;

/// <summary>What a custom step runs with. Every object is the step's own copy: changing it changes nothing else.</summary>
/// <param name="StepId">The id of the step in its definition.</param>
/// <param name="Facts">
/// The facts conditions read (docs/workflows.md, "Conditions"): <c>request</c> (kind, states, persons, offences,
/// attachments, …), <c>plugin</c> (the manifest's facts) and <c>form</c> (the data of the tasks completed so far).
/// </param>
/// <param name="Settings">The step's <c>settings</c> object in the definition; empty when it has none.</param>
/// <param name="Now">The time of the operation that entered the step.</param>
public sealed record CustomStepInput(string StepId, JsonObject Facts, JsonObject Settings, DateTimeOffset Now);
