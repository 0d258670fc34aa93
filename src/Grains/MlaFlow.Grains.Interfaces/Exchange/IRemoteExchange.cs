using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Exchange;

/// <summary>
/// Sends a request's messages to an authority another node serves: sealed, signed, posted to that node and
/// answered by the recipient's signed receipt (docs/messaging.md, "Exchange between nodes"). The request's outbox
/// calls it in the outbox's own turn; what it cannot deliver now stays in the outbox and is tried again.
/// </summary>
public interface IRemoteExchange
{
    /// <summary>Whether this node knows where <paramref name="recipient"/>'s node is and has the keys to write to it.</summary>
    bool Reaches(AuthorityId recipient);

    /// <summary>
    /// Seals <paramref name="message"/>, sends it, uploads its files, asks for its delivery and returns the recipient's
    /// checked answer. <paramref name="accepted"/> gets the recipient's signed acceptance as soon as it comes, to be kept
    /// even if what follows fails (a later attempt finds the message accepted already, and gets no new acceptance).
    /// </summary>
    /// <exception cref="ExchangeUnavailableException">The recipient's node did not answer with a valid receipt; nothing is known to be delivered.</exception>
    Task<RemoteReceipt> SendAsync(RemoteMessage message, Func<string, Task> accepted, CancellationToken cancellationToken = default);
}
