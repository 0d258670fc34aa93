using Xunit;

namespace MlaFlow.Testing;

/// <summary>
/// The team's shared test data (<c>../shared/testdata</c> beside the checkout: RFC test vectors and the like). CI has
/// it; a clone without it skips the tests that need it, saying so.
/// </summary>
public static class SharedTestData
{
    /// <summary>The full path of <paramref name="relative"/> under the shared test data; skips the calling test when it is absent.</summary>
    public static string Require(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "testdata", relative));
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), $"Shared test data {path} is not here (it sits beside the checkout, in ../shared/testdata); this test needs it.");
        return path;
    }
}
