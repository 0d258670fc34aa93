using MlaFlow.Messaging.Envelopes;

namespace MlaFlow.Gateway.Exchange;

/// <summary>Where an incoming file's upload stands, as the sender reads it to resume after the last stored segment.</summary>
/// <param name="FileId">The file.</param>
/// <param name="NextSegment">The segment to send next; segments before it are stored and verified.</param>
/// <param name="SegmentCount">Segments in the file.</param>
/// <param name="Complete">Every segment is in and the whole file matched its declared SHA-256.</param>
/// <param name="Failed">Why the transfer was given up, if it was.</param>
public sealed record TransferStatus(string FileId, long NextSegment, long SegmentCount, bool Complete, string? Failed)
{
    internal static TransferStatus Of(IncomingTransfer transfer) =>
        new(transfer.FileId, transfer.NextSegment, transfer.SegmentCount, transfer.IsComplete, transfer.Failed);
}
