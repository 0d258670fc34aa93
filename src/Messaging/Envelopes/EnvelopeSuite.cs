using System.Diagnostics.CodeAnalysis;
using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// How an envelope is sealed and signed. The classical suites are named as the authorities' key suites are: HPKE auth mode
/// between the two authorities' encryption keys, and the key suite's signature. The post-quantum suite seals in base mode
/// to the recipient's MLKEM768-X25519 key (its KEM has no auth mode) and authenticates the sender by two signatures over the
/// same bytes, Ed25519 and ML-DSA-65, both of which must verify.
/// </summary>
public sealed class EnvelopeSuite
{
    private EnvelopeSuite(string name, KeySuite keys, HpkeSuite hpke, KeySuite? postQuantum = null) =>
        (Name, Keys, Hpke, PostQuantumKeys) = (name, keys, hpke, postQuantum);

    /// <summary>The default: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM; Ed25519 signatures.</summary>
    public static EnvelopeSuite X25519Ed25519 { get; } =
        new(KeySuite.X25519Ed25519.Name, KeySuite.X25519Ed25519, new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm));

    /// <summary>For authorities that require NIST curves: DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM; ECDSA P-256 with SHA-256.</summary>
    public static EnvelopeSuite P256 { get; } =
        new(KeySuite.P256.Name, KeySuite.P256, new HpkeSuite(HpkeKem.DhkemP256HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm));

    /// <summary>
    /// <c>xwing-ed25519-mldsa65</c>: MLKEM768-X25519 (X-Wing), HKDF-SHA256, AES-256-GCM in base mode to the recipient's
    /// post-quantum key; signed with the sender's Ed25519 key and its ML-DSA-65 key.
    /// </summary>
    public static EnvelopeSuite PostQuantum { get; } =
        new("xwing-ed25519-mldsa65", KeySuite.X25519Ed25519, new HpkeSuite(HpkeKem.MLKem768X25519, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm), KeySuite.XWingMLDsa65);

    /// <summary>Strongest first: the order in which a sender tries them.</summary>
    public static IReadOnlyList<EnvelopeSuite> All { get; } = [PostQuantum, X25519Ed25519, P256];

    /// <summary>The classical key suite: both authorities' keys for the classical suites; the sender's first signature for the post-quantum one.</summary>
    public KeySuite Keys { get; }

    /// <summary>For the post-quantum suite, the suite of the recipient's encryption key and the sender's second signing key.</summary>
    public KeySuite? PostQuantumKeys { get; }

    [MemberNotNullWhen(true, nameof(PostQuantumKeys))]
    public bool IsPostQuantum => PostQuantumKeys is not null;

    public HpkeSuite Hpke { get; }

    /// <summary>HPKE's mode: auth between the two encryption keys, or base for the post-quantum KEM, which has no auth mode.</summary>
    public HpkeMode Mode => IsPostQuantum ? HpkeMode.Base : HpkeMode.Auth;

    /// <summary>The suite of the recipient's key the envelope is sealed to.</summary>
    public KeySuite RecipientKeys => PostQuantumKeys ?? Keys;

    /// <summary>The name written in envelopes (<c>x25519-ed25519</c>, <c>p256</c>, <c>xwing-ed25519-mldsa65</c>).</summary>
    public string Name { get; }

    public static bool TryParse([NotNullWhen(true)] string? name, [NotNullWhen(true)] out EnvelopeSuite? suite)
    {
        suite = All.FirstOrDefault(s => s.Name == name);
        return suite is not null;
    }

    /// <summary>The classical suite of an authority's keys.</summary>
    public static EnvelopeSuite Of(KeySuite keys) => All.Single(s => s.Keys == keys && !s.IsPostQuantum);

    public override string ToString() => Name;
}
