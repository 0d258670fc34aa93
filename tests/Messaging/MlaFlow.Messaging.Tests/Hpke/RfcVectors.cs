using System.Text.Json;
using MlaFlow.Testing;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>RFC 9180 Appendix A from the shared test data; the calling test is skipped, saying so, when the shared folder is absent.</summary>
internal static class RfcVectors
{
    public const string File = "hpke/rfc9180-appendix-a.json";

    private static readonly Lazy<IReadOnlyList<RfcVector>> Loaded = new(() =>
    {
        using var stream = System.IO.File.OpenRead(SharedTestData.Require(File));
        using var document = JsonDocument.Parse(stream);
        return [.. document.RootElement.EnumerateArray().Select(e => new RfcVector(e.Clone()))];
    });

    /// <summary>Every vector in the file.</summary>
    public static IReadOnlyList<RfcVector> All()
    {
        // Require first, so that a missing folder skips this test rather than failing the lazy load.
        SharedTestData.Require(File);
        return Loaded.Value;
    }

    /// <summary>The vector named <paramref name="name"/> (see <see cref="RfcVector.Name"/>).</summary>
    public static RfcVector Named(string name) =>
        All().SingleOrDefault(v => v.Name == name) ?? throw new InvalidOperationException($"{File} has no vector {name}.");
}
