namespace MlaFlow.Messaging.Hpke;

/// <summary>A key derivation function, by its RFC 9180 identifier (§7.2). Any other value is refused by <see cref="HpkeSuite"/>.</summary>
public enum HpkeKdf : ushort
{
    /// <summary>HKDF-SHA256, 0x0001 (Nh = 32 bytes).</summary>
    HkdfSha256 = 0x0001,

    /// <summary>HKDF-SHA512, 0x0003 (Nh = 64 bytes).</summary>
    HkdfSha512 = 0x0003,
}
