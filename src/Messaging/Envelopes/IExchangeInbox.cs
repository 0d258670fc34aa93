using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// The envelopes a node has accepted, kept as they arrived (sealed: the node stores ciphertext, never the payload)
/// for the chain of custody, and asked for replay protection.
/// </summary>
public interface IExchangeInbox : IAcceptedMessages
{
    /// <summary>Records an accepted envelope, as received on the wire.</summary>
    /// <returns>False when a message with the same sender and id was recorded already (nothing is changed then).</returns>
    Task<bool> RecordAsync(EnvelopeHeader header, ReadOnlyMemory<byte> envelope, CancellationToken cancellationToken = default);

    /// <summary>The envelope as received, or null when no such message was accepted.</summary>
    Task<byte[]?> FindAsync(AuthorityId sender, string messageId, CancellationToken cancellationToken = default);
}
