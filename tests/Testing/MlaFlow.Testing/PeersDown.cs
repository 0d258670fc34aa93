using MlaFlow.Grains.Exchange;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Testing;

/// <summary>
/// A node's exchange as it is while its peers' nodes are down: it knows where the peers are (so requests to them are
/// accepted and queued), and every send fails as an unanswered call does, leaving the message pending.
/// </summary>
public sealed class PeersDown(Func<AuthorityId, bool> knows) : IRemoteExchange
{
    /// <summary>Peers <paramref name="peers"/>, down.</summary>
    public PeersDown(params AuthorityId[] peers)
        : this(peers.Contains)
    {
    }

    /// <summary>Every authority's node known, and down: a node whose messages all stay in their outboxes.</summary>
    public static PeersDown Everywhere { get; } = new(_ => true);

    public bool Reaches(AuthorityId recipient) => knows(recipient);

    public Task<RemoteReceipt> SendAsync(RemoteMessage message, Func<string, Task> accepted, CancellationToken cancellationToken = default) =>
        throw new ExchangeUnavailableException($"{message.Recipient}'s node did not answer (connection refused).");
}
