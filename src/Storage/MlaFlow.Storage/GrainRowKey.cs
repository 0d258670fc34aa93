using Orleans.Runtime;

namespace MlaFlow.Storage;

/// <summary>
/// How a grain is named in MlaFlow's tables: its type and key as text (<c>request</c>, <c>CN-MOJ-2026-000001</c>), the
/// two halves of Orleans' <see cref="GrainId"/>, so an auditor reading a row knows what it belongs to.
/// </summary>
internal static class GrainRowKey
{
    public static (string Type, string Key) Of(GrainId grainId) => (grainId.Type.ToString()!, grainId.Key.ToString()!);
}
