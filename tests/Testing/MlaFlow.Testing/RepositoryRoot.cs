namespace MlaFlow.Testing;

/// <summary>The checkout the tests run from: the folder holding <c>MlaFlow.sln</c>, found upwards from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Path => Folder.Value;

    /// <summary>A path inside the checkout, e.g. <c>Combine("samples", "requests", "evidence.json")</c>.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "MlaFlow.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No MlaFlow.sln above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }
}
