using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// An evidence file (attachment) an accepted envelope announced, as the receiver tracks it while the file's segments
/// arrive, uploaded one by one after the envelope. The message is delivered only once all its files are complete.
/// </summary>
/// <param name="FileId">The sender's random name of the file, 32 lowercase hex digits; unique on the receiving node.</param>
/// <param name="Sender">The authority that sent the message, and the file.</param>
/// <param name="MessageId">The id of the message that announced the file.</param>
/// <param name="Recipient">The authority the message, and the file, is for.</param>
/// <param name="Header">The file's encrypted-attachment header (<c>MLFA</c>) as announced.</param>
/// <param name="PlaintextLength">The file's length in bytes before encryption.</param>
/// <param name="CiphertextLength">The encrypted file's length in bytes, header and tags included.</param>
/// <param name="SegmentSize">Plaintext bytes per segment.</param>
/// <param name="SegmentCount">How many segments the file is uploaded in.</param>
/// <param name="Sha256">The plaintext's SHA-256 as the sender declared it, lowercase hex.</param>
/// <param name="NextSegment">The segment expected next: segments 0 to <c>NextSegment - 1</c> are stored and verified.</param>
/// <param name="CompletedAt">When the last segment was taken; null until then.</param>
/// <param name="Failed">Why the transfer was given up (a hash that does not match, say); null unless it was.</param>
public sealed record IncomingTransfer(
    string FileId,
    AuthorityId Sender,
    string MessageId,
    AuthorityId Recipient,
    byte[] Header,
    long PlaintextLength,
    long CiphertextLength,
    int SegmentSize,
    long SegmentCount,
    string Sha256,
    long NextSegment = 0,
    DateTimeOffset? CompletedAt = null,
    string? Failed = null)
{
    /// <summary>Whether every segment was taken and the file is complete.</summary>
    public bool IsComplete => CompletedAt is not null;

    /// <summary>Whether <paramref name="other"/> describes the same transfer in the same state.</summary>
    /// <remarks>The header is compared by content: a record would compare the array by reference.</remarks>
    public bool Equals(IncomingTransfer? other) =>
        other is not null
        && FileId == other.FileId && Sender == other.Sender && MessageId == other.MessageId && Recipient == other.Recipient
        && Header.AsSpan().SequenceEqual(other.Header)
        && PlaintextLength == other.PlaintextLength && CiphertextLength == other.CiphertextLength
        && SegmentSize == other.SegmentSize && SegmentCount == other.SegmentCount && Sha256 == other.Sha256
        && NextSegment == other.NextSegment && CompletedAt == other.CompletedAt && Failed == other.Failed;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FileId, Sender, MessageId, NextSegment, CompletedAt, Failed);
}
