using System.Text.Json.Nodes;

namespace MlaFlow.Plugins.Sdk.Extensions;

/// <summary>
/// A rule on requests to the plugin's state that a form rule (docs/plugins.md, "Forms") cannot express. It runs
/// with the form rules when a request is submitted; its problems are returned with theirs, and the request is
/// not opened while there is any. The manifest lists it under <c>assembly.validators</c>.
/// </summary>
public interface IRequestValidator
{
    /// <summary>The validator's name: lower-case words joined by hyphens (<c>person-identified</c>).</summary>
    string Name { get; }

    /// <summary>The problems of one request; none when it is acceptable.</summary>
    /// <param name="facts">The request's facts, as <see cref="CustomStepInput.Facts"/> (without <c>form</c>); the validator's own copy.</param>
    /// <param name="now">The time of the submission, from the node's clock (so tests and replays agree on "today").</param>
    IEnumerable<RequestProblem> Validate(JsonObject facts, DateTimeOffset now);
}
