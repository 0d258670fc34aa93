using System.Diagnostics.CodeAnalysis;
using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// How an envelope is sealed and signed, named as the authorities' key suites are: the HPKE suite its payload is
/// sealed with (auth mode, between the two authorities' encryption keys) and, through the key suite, the signature.
/// </summary>
public sealed class EnvelopeSuite
{
    private EnvelopeSuite(KeySuite keys, HpkeSuite hpke) => (Keys, Hpke) = (keys, hpke);

    /// <summary>The default: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM; Ed25519 signatures.</summary>
    public static EnvelopeSuite X25519Ed25519 { get; } =
        new(KeySuite.X25519Ed25519, new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm));

    /// <summary>For authorities that require NIST curves: DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM; ECDSA P-256 with SHA-256.</summary>
    public static EnvelopeSuite P256 { get; } =
        new(KeySuite.P256, new HpkeSuite(HpkeKem.DhkemP256HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm));

    public static IReadOnlyList<EnvelopeSuite> All { get; } = [X25519Ed25519, P256];

    /// <summary>The key suite both authorities' keys must belong to.</summary>
    public KeySuite Keys { get; }

    public HpkeSuite Hpke { get; }

    /// <summary>The name written in envelopes (<c>x25519-ed25519</c>, <c>p256</c>).</summary>
    public string Name => Keys.Name;

    public static bool TryParse([NotNullWhen(true)] string? name, [NotNullWhen(true)] out EnvelopeSuite? suite)
    {
        suite = All.FirstOrDefault(s => s.Name == name);
        return suite is not null;
    }

    /// <summary>The suite of an authority's keys.</summary>
    public static EnvelopeSuite Of(KeySuite keys) => All.Single(s => s.Keys == keys);

    public override string ToString() => Name;
}
