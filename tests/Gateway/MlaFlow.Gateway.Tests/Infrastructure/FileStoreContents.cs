using MlaFlow.Messaging.Files;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>What a node's file store holds on disk, looked at directly, as an operator would with <c>ls</c>.</summary>
internal static class FileStoreContents
{
    /// <summary>The names in <c>&lt;data&gt;/files/</c> — complete files, parts and keys alike — in order; none before the folder exists.</summary>
    public static IReadOnlyList<string> FilesKept(this GatewayNode node)
    {
        var folder = Path.Combine(node.DataPath, EvidenceFileStore.FolderName);
        return Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];
    }
}
