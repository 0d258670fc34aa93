namespace MlaFlow.Messaging.Keys;

/// <summary>
/// What a key pair is for. An authority holds one pair of each: never the same key for both, so a
/// compromise or a weakness in one use cannot reach the other.
/// </summary>
public enum KeyUse
{
    /// <summary>Messages to the authority are HPKE-encrypted to this key (RFC 9180, the recipient's KEM key).</summary>
    Encryption,

    /// <summary>The authority signs what it sends with this key.</summary>
    Signing,
}
