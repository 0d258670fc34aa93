namespace MlaFlow.Workflows.Loading;

/// <summary>The step types of docs/workflows.md, and how messages name a step by its type.</summary>
internal static class StepTypes
{
    public const string End = "end";

    public const string Custom = "custom";

    public static IReadOnlyList<string> All { get; } = ["task", "send", "await", "timer", "decision", "parallel", "join", Custom, End];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type, StringComparer.Ordinal);

    /// <summary>"a task step", "an await step".</summary>
    public static string Describe(string type) => $"{(type[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {type} step";

    /// <summary>"A task step", "An await step", to start a sentence.</summary>
    public static string DescribeAtStart(string type) => "A" + Describe(type)[1..];
}
