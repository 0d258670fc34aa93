namespace MlaFlow.Messaging.Hpke;

/// <summary>An AEAD, by its RFC 9180 identifier (§7.3). Any other value is refused by <see cref="HpkeSuite"/>.</summary>
public enum HpkeAead : ushort
{
    /// <summary>AES-128-GCM, 0x0001 (16-byte key, 12-byte nonce, 16-byte tag).</summary>
    Aes128Gcm = 0x0001,

    /// <summary>AES-256-GCM, 0x0002 (32-byte key, 12-byte nonce, 16-byte tag).</summary>
    Aes256Gcm = 0x0002,

    /// <summary>ChaCha20Poly1305, 0x0003 (32-byte key, 12-byte nonce, 16-byte tag).</summary>
    ChaCha20Poly1305 = 0x0003,

    /// <summary>
    /// Export-only, 0xFFFF: the context only derives secrets (<see cref="HpkeContext.Export"/>); sealing and
    /// opening are refused with <see cref="NotSupportedException"/> (RFC 9180 §5.3).
    /// </summary>
    ExportOnly = 0xFFFF,
}
