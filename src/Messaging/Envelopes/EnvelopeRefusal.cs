namespace MlaFlow.Messaging.Envelopes;

/// <summary>Why an envelope was refused: what the signed receipt tells the sender (docs/messaging.md, "Envelopes").</summary>
public enum EnvelopeRefusal
{
    /// <summary>Not an envelope: bad JSON, a missing or unknown member, a value out of bounds.</summary>
    Malformed,

    /// <summary>A format version this node does not read.</summary>
    UnsupportedVersion,

    /// <summary>A suite this node does not know.</summary>
    UnsupportedSuite,

    /// <summary>Addressed to an authority this node does not serve.</summary>
    WrongRecipient,

    /// <summary>The recipient key is not one of the recipient's, or is revoked.</summary>
    RecipientKeyRefused,

    /// <summary>The sender, or the sender key named, is unknown to the peer directory, revoked, or of another suite.</summary>
    SenderKeyRefused,

    /// <summary>The signature does not verify with the sender's signing key.</summary>
    BadSignature,

    /// <summary>Created outside the accepted window around this node's time.</summary>
    Stale,

    /// <summary>A message with this id was accepted already.</summary>
    Replayed,

    /// <summary>
    /// A classical envelope between two authorities that both hold post-quantum keys (the recipient has published its own,
    /// and the sender's confirmed bundle offers them): refused as a downgrade; the sender is to seal with the post-quantum suite.
    /// </summary>
    Downgrade,

    /// <summary>The payload does not open: altered, or not sealed to this recipient by this sender.</summary>
    NotDecryptable,

    /// <summary>
    /// The payload opened but fits none of the recipient's requests: an unknown message type, a payload of the wrong
    /// shape, or a message for a copy that is not the sender's counterpart.
    /// </summary>
    Undeliverable,

    /// <summary>
    /// A file the message announced did not arrive whole: the complete file failed to authenticate end to end, or its
    /// length or SHA-256 differs from what the envelope declared. The message is not delivered.
    /// </summary>
    AttachmentRefused,
}
