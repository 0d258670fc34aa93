using System.Diagnostics.CodeAnalysis;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// The pair of algorithms an authority's keys come in. <see cref="X25519Ed25519"/> is the default;
/// <see cref="P256"/> is for authorities whose rules require NIST curves. A rotation may change suite.
/// </summary>
public sealed class KeySuite
{
    private KeySuite(string name, KeyAlgorithm encryption, SignatureAlgorithm signing) => (Name, Encryption, Signing) = (name, encryption, signing);

    /// <summary><c>x25519-ed25519</c>: X25519 encryption keys, Ed25519 signing keys.</summary>
    public static KeySuite X25519Ed25519 { get; } = new("x25519-ed25519", KeyAlgorithm.X25519, KeyAlgorithm.Ed25519);

    /// <summary><c>p256</c>: ECDH P-256 encryption keys, ECDSA P-256 / SHA-256 signing keys.</summary>
    public static KeySuite P256 { get; } = new("p256", KeyAlgorithm.P256Ecdh, KeyAlgorithm.EcdsaP256Sha256);

    public static KeySuite Default => X25519Ed25519;

    public static IReadOnlyList<KeySuite> All { get; } = [X25519Ed25519, P256];

    /// <summary>The name in files, bundles and on the command line.</summary>
    public string Name { get; }

    public KeyAlgorithm Encryption { get; }

    public SignatureAlgorithm Signing { get; }

    /// <summary>The suite's algorithm for <paramref name="use"/>.</summary>
    public KeyAlgorithm Algorithm(KeyUse use) => use == KeyUse.Encryption ? Encryption : Signing;

    public override string ToString() => Name;

    /// <summary>The suite <paramref name="algorithm"/> belongs to (each algorithm belongs to exactly one).</summary>
    internal static KeySuite Of(KeyAlgorithm algorithm) => All.First(s => s.Encryption == algorithm || s.Signing == algorithm);

    public static bool TryParse([NotNullWhen(true)] string? name, [MaybeNullWhen(false)] out KeySuite suite)
    {
        suite = All.FirstOrDefault(s => s.Name == name);
        return suite is not null;
    }
}
