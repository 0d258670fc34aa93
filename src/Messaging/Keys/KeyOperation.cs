namespace MlaFlow.Messaging.Keys;

/// <summary>What a key is looked up for; decides which statuses and which use are acceptable.</summary>
public enum KeyOperation
{
    /// <summary>Encrypt a new message to an authority: its active encryption key only.</summary>
    Encrypt,

    /// <summary>Open a received message: an active or retired encryption key.</summary>
    Decrypt,

    /// <summary>Sign a new message: the authority's active signing key only.</summary>
    Sign,

    /// <summary>Check a signature: an active or retired signing key.</summary>
    Verify,
}
