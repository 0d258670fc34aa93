using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Files;

namespace MlaFlow.Gateway.Exchange;

/// <summary>
/// Completes an incoming file once every segment is stored: the whole file is authenticated end to end and its length
/// and SHA-256 compared with what the sender declared in the envelope. A file that fails is given up — its message is
/// then refused, not delivered — and its bytes discarded. Run again after a crash between the last segment and the
/// completion, it finishes the job.
/// </summary>
internal sealed class TransferCompletion(EvidenceFileStore store, IExchangeInbox inbox)
{
    /// <returns>The transfer as it now stands.</returns>
    public async Task<IncomingTransfer> FinishAsync(IncomingTransfer transfer, CancellationToken cancellationToken)
    {
        if (transfer.IsComplete || transfer.Failed is not null || transfer.NextSegment < transfer.SegmentCount)
        {
            return transfer;
        }

        string? failure;
        try
        {
            var summary = await store.CompleteIncomingAsync(transfer.FileId, transfer.CiphertextLength, Sha256Digest.Parse(transfer.Sha256), cancellationToken);
            failure = summary.PlaintextSha256.ToString() == transfer.Sha256 && summary.PlaintextLength == transfer.PlaintextLength ? null
                : $"File {transfer.FileId} arrived whole and authentic, but its {summary.PlaintextLength} bytes have SHA-256 {summary.PlaintextSha256}, "
                  + $"not the declared {transfer.PlaintextLength} bytes with {transfer.Sha256}.";
        }
        catch (AttachmentTamperedException e)
        {
            failure = $"File {transfer.FileId} does not authenticate end to end: {e.Message}";
        }

        if (failure is null)
        {
            await inbox.CompleteTransferAsync(transfer.FileId, cancellationToken);
        }
        else
        {
            // The part was not kept as the file (the store keeps only what matches the declared SHA-256).
            await inbox.FailTransferAsync(transfer.FileId, failure, cancellationToken);
            store.DiscardIncoming(transfer.FileId);
        }

        return await inbox.FindTransferAsync(transfer.FileId, cancellationToken) ?? transfer;
    }
}
