using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains.Exchange;

/// <summary>A node without cross-node exchange (no keys, no peers): it reaches no one, and messages to other nodes wait in their outboxes.</summary>
internal sealed class NoRemoteExchange : IRemoteExchange
{
    public bool Reaches(AuthorityId recipient) => false;

    public Task<RemoteReceipt> SendAsync(RemoteMessage message, Func<string, Task> accepted, CancellationToken cancellationToken = default) =>
        throw new ExchangeUnavailableException($"This node has no exchange with other nodes; {message.Recipient} is not reachable.");
}
