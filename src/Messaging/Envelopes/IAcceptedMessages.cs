using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// The message ids a receiver has accepted, for replay protection. The receiver records an id with the delivery it
/// causes (the node's exchange inbox, in its database), so a message is taken exactly once; the opener only asks.
/// </summary>
public interface IAcceptedMessages
{
    /// <summary>Whether a message with <paramref name="messageId"/> from <paramref name="sender"/> was accepted already.</summary>
    Task<bool> ContainsAsync(AuthorityId sender, string messageId, CancellationToken cancellationToken = default);
}
