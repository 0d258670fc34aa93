namespace MlaFlow.Workflows.Loading;

/// <summary>Where a token starts: its 1-based <paramref name="Line"/>, and its byte <paramref name="Offset"/> for ordering problems as the document reads.</summary>
internal readonly record struct JsonPosition(int Line, long Offset)
{
    public static JsonPosition Start { get; } = new(1, 0);
}
