using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// The envelopes a node has accepted, kept as they arrived (sealed: the node stores ciphertext, never the payload)
/// for the chain of custody, and asked for replay protection; with the state of the evidence files they announced,
/// whose segments arrive after them.
/// </summary>
public interface IExchangeInbox : IAcceptedMessages
{
    /// <summary>
    /// Records an accepted envelope, as received on the wire, and the files it announced, together: either all is
    /// recorded or nothing is.
    /// </summary>
    /// <param name="header">The envelope's header.</param>
    /// <param name="envelope">The envelope as received.</param>
    /// <param name="transfers">The files the envelope announced (none for most messages), each of this message.</param>
    /// <param name="cancellationToken">Cancels the recording.</param>
    /// <returns>False when a message with the same sender and id was recorded already (nothing is changed then).</returns>
    /// <exception cref="ArgumentException">A transfer names another sender, message or recipient than the header.</exception>
    /// <exception cref="System.Data.Common.DbException">A file id is taken already (by another message, say); nothing is recorded.</exception>
    Task<bool> RecordAsync(EnvelopeHeader header, ReadOnlyMemory<byte> envelope, IReadOnlyList<IncomingTransfer> transfers, CancellationToken cancellationToken = default);

    /// <summary>The envelope as received, or null when no such message was accepted.</summary>
    Task<byte[]?> FindAsync(AuthorityId sender, string messageId, CancellationToken cancellationToken = default);

    /// <summary>The transfer of file <paramref name="fileId"/> as it stands, or null when no message announced it.</summary>
    Task<IncomingTransfer?> FindTransferAsync(string fileId, CancellationToken cancellationToken = default);

    /// <summary>The transfers of the files a message announced, by file id; empty when it announced none.</summary>
    Task<IReadOnlyList<IncomingTransfer>> TransfersAsync(AuthorityId sender, string messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counts segment <paramref name="segment"/> of file <paramref name="fileId"/> as stored and verified, if it is the
    /// segment expected next of a transfer neither complete nor failed. Of two uploads of one segment, racing on one
    /// node or two, exactly one advances.
    /// </summary>
    /// <returns>Whether the transfer advanced; false for any other segment, or an unknown, complete or failed transfer.</returns>
    Task<bool> AdvanceTransferAsync(string fileId, long segment, CancellationToken cancellationToken = default);

    /// <summary>Marks the transfer complete, now. Completing it again changes nothing.</summary>
    /// <exception cref="InvalidOperationException">The transfer is unknown, failed, or not every segment is in.</exception>
    Task CompleteTransferAsync(string fileId, CancellationToken cancellationToken = default);

    /// <summary>Gives the transfer up, saying <paramref name="why"/>: it takes no further segments. Failing it again keeps the first reason.</summary>
    /// <exception cref="InvalidOperationException">The transfer is unknown or complete.</exception>
    Task FailTransferAsync(string fileId, string why, CancellationToken cancellationToken = default);
}
