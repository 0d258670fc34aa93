using System.Text.RegularExpressions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// The shapes of names authors choose. They end up in URLs, fact paths (<c>form.register.registrationNumber</c>)
/// and audit entries, so they are kept short and plain. Each check returns the message, or null when the name is fine.
/// </summary>
internal static partial class Names
{
    public static string? StepIdProblem(string id) => StepId().IsMatch(id) ? null
        : $"Step id {Quote.Of(id)} must start with a lowercase letter and hold only lowercase letters, digits and hyphens, at most 64 characters.";

    public static string? FieldNameProblem(string name) => FieldName().IsMatch(name) ? null
        : $"Field name {Quote.Of(name)} must start with a letter and hold only letters and digits, at most 64 characters.";

    /// <summary>Outcome names: like step ids, but camelCase is allowed (<c>moreInformation</c>).</summary>
    public static string? OutcomeNameProblem(string name) => PlainNameProblem("Outcome", name);

    /// <summary>Signal names, shaped like outcome names (<c>surrenderCompleted</c>).</summary>
    public static string? SignalNameProblem(string name) => PlainNameProblem("Signal", name);

    private static string? PlainNameProblem(string what, string name) => OutcomeName().IsMatch(name) ? null
        : $"{what} name {Quote.Of(name)} must start with a lowercase letter and hold only letters, digits and hyphens, at most 64 characters.";

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,63}\z")]
    private static partial Regex StepId();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9]{0,63}\z")]
    private static partial Regex FieldName();

    [GeneratedRegex(@"^[a-z][a-zA-Z0-9-]{0,63}\z")]
    private static partial Regex OutcomeName();
}
