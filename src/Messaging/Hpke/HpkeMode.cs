namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// How the sender is authenticated (RFC 9180 §5): not at all, by a pre-shared key, by its own KEM key pair,
/// or by both. The mode fixes which inputs a setup must have and must not have.
/// </summary>
public enum HpkeMode : byte
{
    /// <summary>mode_base (0x00): no sender authentication; no PSK, no sender key.</summary>
    Base = 0x00,

    /// <summary>mode_psk (0x01): the sender proves it holds the PSK; a PSK and its id, no sender key.</summary>
    Psk = 0x01,

    /// <summary>mode_auth (0x02): the sender proves it holds its private key; a sender key, no PSK.</summary>
    Auth = 0x02,

    /// <summary>mode_auth_psk (0x03): both a PSK (with its id) and a sender key.</summary>
    AuthPsk = 0x03,
}
