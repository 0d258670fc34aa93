namespace MlaFlow.Plugins.Sdk.Extensions;

/// <summary>
/// A step type written in C#, for what a declarative step cannot say (a check against a list the authority
/// keeps, a computation its law prescribes). A definition uses it as <c>{ "type": "custom", "handler":
/// "&lt;Name&gt;", "settings": { … }, "outcomes": { … } }</c>; the plugin's manifest lists it under
/// <c>assembly.steps</c>. The engine runs it inside the request's turn, so it must be quick and must not wait
/// on the network.
/// </summary>
public interface ICustomStep
{
    /// <summary>The handler name definitions use: lower-case words joined by hyphens (<c>watch-list-screening</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Every outcome <see cref="Run"/> may return. A definition using the step must map each of them and no
    /// other, which is checked when the plugin loads.
    /// </summary>
    IReadOnlyList<string> Outcomes { get; }

    /// <summary>Runs the step for one request and says how to leave it.</summary>
    /// <returns>One of <see cref="Outcomes"/>; any other value faults the step.</returns>
    /// <exception cref="Exception">
    /// Any exception faults the step with its message, which officers read: say what went wrong and how to fix
    /// it. An officer can then retry the step or route the request to an outcome; nothing is lost.
    /// </exception>
    CustomStepResult Run(CustomStepInput input);
}
