namespace MlaFlow.Messaging.Envelopes;

/// <summary>What the receiving node did with an envelope (docs/messaging.md, "Receipts and delivery evidence").</summary>
public enum ReceiptStatus
{
    /// <summary>Acceptance evidence: verified, opened and kept; the files it announces may follow.</summary>
    Accepted,

    /// <summary>Refused, for <see cref="Receipt.Reason"/>; nothing was delivered or kept.</summary>
    Rejected,

    /// <summary>Delivery evidence: the recipient's copy of the request took the message, with every file it announced whole and matching its SHA-256.</summary>
    Delivered,
}
