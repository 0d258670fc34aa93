namespace MlaFlow.Plugins.Sdk.Extensions;

/// <summary>One thing wrong with a request, as the submitting officer should read it.</summary>
/// <param name="Field">The request field at fault as the API names it (<c>persons[0].dateOfBirth</c>), or null for the request as a whole.</param>
/// <param name="Message">What is wrong and what the request needs instead.</param>
public sealed record RequestProblem(string? Field, string Message);
