using System.Diagnostics.CodeAnalysis;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// The pair of algorithms an authority's keys come in. <see cref="X25519Ed25519"/> is the default;
/// <see cref="P256"/> is for authorities whose rules require NIST curves. A rotation may change suite. An authority may
/// hold the post-quantum pair (<see cref="XWingMLDsa65"/>) beside its classical one.
/// </summary>
public sealed class KeySuite
{
    private KeySuite(string name, KeyAlgorithm encryption, SignatureAlgorithm signing, bool isPostQuantum = false) =>
        (Name, Encryption, Signing, IsPostQuantum) = (name, encryption, signing, isPostQuantum);

    /// <summary><c>x25519-ed25519</c>: X25519 encryption keys, Ed25519 signing keys.</summary>
    public static KeySuite X25519Ed25519 { get; } = new("x25519-ed25519", KeyAlgorithm.X25519, KeyAlgorithm.Ed25519);

    /// <summary><c>p256</c>: ECDH P-256 encryption keys, ECDSA P-256 / SHA-256 signing keys.</summary>
    public static KeySuite P256 { get; } = new("p256", KeyAlgorithm.P256Ecdh, KeyAlgorithm.EcdsaP256Sha256);

    /// <summary>
    /// <c>xwing-mldsa65</c>: the post-quantum pair an authority holds beside its classical one, MLKEM768-X25519 (X-Wing)
    /// encryption keys and ML-DSA-65 signing keys.
    /// </summary>
    public static KeySuite XWingMLDsa65 { get; } = new("xwing-mldsa65", KeyAlgorithm.XWing, KeyAlgorithm.MLDsa65, isPostQuantum: true);

    public static KeySuite Default => X25519Ed25519;

    /// <summary>Every suite a key may belong to, as files and bundles name them.</summary>
    public static IReadOnlyList<KeySuite> All { get; } = [X25519Ed25519, P256, XWingMLDsa65];

    /// <summary>The suites an authority's classical keys come in (<c>--suite</c>); the post-quantum pair is added beside one.</summary>
    public static IReadOnlyList<KeySuite> Classical { get; } = [X25519Ed25519, P256];

    /// <summary>
    /// Whether an authority with classical keys of this suite may hold the post-quantum pair beside them: only with
    /// x25519-ed25519, whose Ed25519 key signs post-quantum envelopes together with ML-DSA-65. A p256 authority could never
    /// seal in the post-quantum suite, so its envelopes to post-quantum peers would fall back to p256 and be refused as
    /// downgrades; nor is X-Wing's X25519 half a NIST curve.
    /// </summary>
    public bool TakesPostQuantumKeys => this == X25519Ed25519;

    /// <summary>Whether the suite resists a quantum computer (harvest now, decrypt later).</summary>
    public bool IsPostQuantum { get; }

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
