using System.Diagnostics.CodeAnalysis;

namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// An HPKE ciphersuite: a KEM, a KDF and an AEAD by their RFC 9180 identifiers. Only supported suites can be
/// constructed; <see cref="Supported"/> lists them (every combination of the implemented KEMs, KDFs and AEADs,
/// as RFC 9180 allows any).
/// </summary>
public sealed record HpkeSuite
{
    /// <summary>The implemented KEMs.</summary>
    public static IReadOnlyList<HpkeKem> SupportedKems { get; } =
        [HpkeKem.DhkemP256HkdfSha256, HpkeKem.DhkemP521HkdfSha512, HpkeKem.DhkemX25519HkdfSha256, HpkeKem.MLKem768, HpkeKem.MLKem768X25519];

    /// <summary>The implemented KDFs.</summary>
    public static IReadOnlyList<HpkeKdf> SupportedKdfs { get; } = [HpkeKdf.HkdfSha256, HpkeKdf.HkdfSha512];

    /// <summary>The implemented AEADs.</summary>
    public static IReadOnlyList<HpkeAead> SupportedAeads { get; } =
        [HpkeAead.Aes128Gcm, HpkeAead.Aes256Gcm, HpkeAead.ChaCha20Poly1305, HpkeAead.ExportOnly];

    /// <summary>Every supported suite.</summary>
    public static IReadOnlyList<HpkeSuite> Supported { get; } =
        [.. from kem in SupportedKems from kdf in SupportedKdfs from aead in SupportedAeads select new HpkeSuite(kem, kdf, aead)];

    /// <summary>The suite of these three algorithms.</summary>
    /// <exception cref="NotSupportedException">One of them is not implemented; the message names it and lists those that are.</exception>
    public HpkeSuite(HpkeKem kem, HpkeKdf kdf, HpkeAead aead)
    {
        if (Problem((ushort)kem, (ushort)kdf, (ushort)aead) is { } problem)
        {
            throw new NotSupportedException(problem);
        }

        Kem = kem;
        Kdf = kdf;
        Aead = aead;
    }

    /// <summary>The key encapsulation mechanism.</summary>
    public HpkeKem Kem { get; }

    /// <summary>The key derivation function of the key schedule (the KEM has its own, named in its id).</summary>
    public HpkeKdf Kdf { get; }

    /// <summary>The AEAD that seals messages, or <see cref="HpkeAead.ExportOnly"/>.</summary>
    public HpkeAead Aead { get; }

    /// <summary>The suite with these wire identifiers, or false with a one-sentence reason naming the unsupported one.</summary>
    public static bool TryCreate(ushort kem, ushort kdf, ushort aead, [NotNullWhen(true)] out HpkeSuite? suite, [NotNullWhen(false)] out string? problem)
    {
        problem = Problem(kem, kdf, aead);
        suite = problem is null ? new HpkeSuite((HpkeKem)kem, (HpkeKdf)kdf, (HpkeAead)aead) : null;
        return suite is not null;
    }

    /// <summary>The RFC's name of the suite, e.g. "DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM".</summary>
    public override string ToString() => $"{Name(Kem)}, {Name(Kdf)}, {Name(Aead)}";

    /// <summary>The RFC's name of a KEM.</summary>
    public static string Name(HpkeKem kem) => kem switch
    {
        HpkeKem.DhkemP256HkdfSha256 => "DHKEM(P-256, HKDF-SHA256)",
        HpkeKem.DhkemP521HkdfSha512 => "DHKEM(P-521, HKDF-SHA512)",
        HpkeKem.DhkemX25519HkdfSha256 => "DHKEM(X25519, HKDF-SHA256)",
        HpkeKem.MLKem768 => "ML-KEM-768",
        HpkeKem.MLKem768X25519 => "MLKEM768-X25519",
        _ => $"KEM 0x{(ushort)kem:x4}",
    };

    /// <summary>The RFC's name of a KDF.</summary>
    public static string Name(HpkeKdf kdf) => kdf switch
    {
        HpkeKdf.HkdfSha256 => "HKDF-SHA256",
        HpkeKdf.HkdfSha512 => "HKDF-SHA512",
        _ => $"KDF 0x{(ushort)kdf:x4}",
    };

    /// <summary>The RFC's name of an AEAD.</summary>
    public static string Name(HpkeAead aead) => aead switch
    {
        HpkeAead.Aes128Gcm => "AES-128-GCM",
        HpkeAead.Aes256Gcm => "AES-256-GCM",
        HpkeAead.ChaCha20Poly1305 => "ChaCha20Poly1305",
        HpkeAead.ExportOnly => "Export-only",
        _ => $"AEAD 0x{(ushort)aead:x4}",
    };

    private static string? Problem(ushort kem, ushort kdf, ushort aead) =>
        !SupportedKems.Contains((HpkeKem)kem) ? Unsupported("KEM", kem, SupportedKems.Select(k => ((ushort)k, Name(k))))
        : !SupportedKdfs.Contains((HpkeKdf)kdf) ? Unsupported("KDF", kdf, SupportedKdfs.Select(k => ((ushort)k, Name(k))))
        : !SupportedAeads.Contains((HpkeAead)aead) ? Unsupported("AEAD", aead, SupportedAeads.Select(a => ((ushort)a, Name(a))))
        : null;

    private static string Unsupported(string kind, ushort id, IEnumerable<(ushort Id, string Name)> supported) =>
        $"{kind} 0x{id:x4} is not supported; supported: {string.Join(", ", supported.Select(s => $"0x{s.Id:x4} {s.Name}"))}.";
}
