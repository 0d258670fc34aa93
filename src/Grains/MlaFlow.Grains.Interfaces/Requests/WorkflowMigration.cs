namespace MlaFlow.Grains.Requests;

/// <summary>
/// An operator's move of running requests to another version of their procedure: the version, the new step for each
/// step where a request may rest, and why (kept in the history, the timeline and the audit).
/// </summary>
public sealed record WorkflowMigration(int Version, IReadOnlyDictionary<string, string> Steps, string Reason)
{
    /// <summary>The longest reason kept.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>The most steps one mapping names.</summary>
    public const int MaxSteps = 200;
}

/// <summary>
/// What a migration did to one request, or would do in a dry run: the procedure it ran, the version it runs now (or
/// would), and the steps open after it. Nothing of the case itself: operators migrate, they do not read case files.
/// </summary>
/// <param name="RequestId">The request.</param>
/// <param name="From">The procedure it ran before.</param>
/// <param name="ToVersion">The version it runs after.</param>
/// <param name="OpenSteps">The step ids open after the move.</param>
/// <param name="Applied">False for a dry run.</param>
public sealed record MigrationResult(string RequestId, Procedure From, int ToVersion, IReadOnlyList<string> OpenSteps, bool Applied);
