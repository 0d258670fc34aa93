namespace MlaFlow.Messaging.Envelopes;

/// <summary>What the receiving node did with an envelope.</summary>
public enum ReceiptStatus
{
    /// <summary>Verified, opened and delivered to the recipient's request.</summary>
    Accepted,

    /// <summary>Refused, for <see cref="Receipt.Reason"/>; nothing was delivered or kept.</summary>
    Rejected,
}
