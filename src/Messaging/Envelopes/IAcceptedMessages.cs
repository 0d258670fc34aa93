namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// The message ids a receiver has accepted, for replay protection. The receiver records an id in the same
/// transaction as the delivery it causes, so a message is taken exactly once; the opener only asks.
/// </summary>
public interface IAcceptedMessages
{
    /// <summary>Whether a message with <paramref name="messageId"/> from <paramref name="sender"/> was accepted already.</summary>
    bool Contains(string sender, string messageId);
}
