namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// A key encapsulation mechanism, by its RFC 9180 identifier (§7.1, the IANA "HPKE KEM Identifiers" registry).
/// Only the members named here are implemented; any other value is refused by <see cref="HpkeSuite"/>.
/// </summary>
public enum HpkeKem : ushort
{
    /// <summary>DHKEM(P-256, HKDF-SHA256), 0x0010: 65-byte uncompressed public keys, 32-byte private keys.</summary>
    DhkemP256HkdfSha256 = 0x0010,

    /// <summary>DHKEM(P-521, HKDF-SHA512), 0x0012: 133-byte uncompressed public keys, 66-byte private keys.</summary>
    DhkemP521HkdfSha512 = 0x0012,

    /// <summary>DHKEM(X25519, HKDF-SHA256), 0x0020: 32-byte public and private keys (RFC 7748).</summary>
    DhkemX25519HkdfSha256 = 0x0020,

    /// <summary>
    /// ML-KEM-768, 0x0041 (FIPS 203; draft-ietf-hpke-pq): 1,184-byte public keys, 64-byte seeds as private keys, 1,088-byte
    /// encs. Post-quantum; no authenticated mode.
    /// </summary>
    MLKem768 = 0x0041,

    /// <summary>
    /// MLKEM768-X25519, 0x647a (draft-ietf-hpke-pq, X-Wing's construction): 1,216-byte public keys, 32-byte seeds as
    /// private keys, 1,120-byte encs. Post-quantum and classical together; no authenticated mode.
    /// </summary>
    MLKem768X25519 = 0x647a,
}
