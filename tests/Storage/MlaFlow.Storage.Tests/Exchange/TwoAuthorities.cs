using System.Security.Cryptography;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Storage.Tests.Exchange;

/// <summary>
/// China's and Thailand's nodes as far as envelopes go: each with real keys of its own (sealed under a random
/// key-encryption key, in a temporary data folder) and the other's public keys, so a test records envelopes exactly
/// as they arrive on the wire and can open them as the receiving node does.
/// </summary>
internal sealed class TwoAuthorities : IDisposable
{
    public static readonly AuthorityId China = AuthorityId.Parse("CN-MOJ");
    public static readonly AuthorityId Thailand = AuthorityId.Parse("TH-OAG");

    private readonly string _root = Directory.CreateTempSubdirectory("mlaflow-inbox-").FullName;
    private readonly IClock _clock;
    private readonly Dictionary<AuthorityId, (KeyStore Keys, PeerDirectory Peers)> _nodes = [];

    public TwoAuthorities(IClock clock)
    {
        _clock = clock;
        foreach (var authority in (AuthorityId[])[China, Thailand])
        {
            var data = Path.Combine(_root, authority.Value);
            using var protection = KeyProtection.KeyEncryptionKey(RandomNumberGenerator.GetBytes(KeyProtection.KeyEncryptionKeyLength));
            var keys = KeyStore.Open(data, protection, clock);
            keys.Generate(authority, KeySuite.Default);
            _nodes[authority] = (keys, PeerDirectory.Open(data, clock));
        }

        foreach (var (from, to) in (ReadOnlySpan<(AuthorityId, AuthorityId)>)[(China, Thailand), (Thailand, China)])
        {
            var bundle = _nodes[from].Keys.ExportPublic(from);
            _nodes[to].Peers.Import(bundle, bundle.Fingerprint);
        }
    }

    /// <summary>An envelope from <paramref name="sender"/> to the other authority, as its JSON arrives.</summary>
    public (EnvelopeHeader Header, byte[] Wire) Seal(AuthorityId sender, string messageId, string payload = "a request for evidence")
    {
        var recipient = sender == China ? Thailand : China;
        var (keys, peers) = _nodes[sender];
        using var sealer = new EnvelopeSealer(keys, peers, _clock);
        var envelope = sealer.Seal(sender, recipient, messageId, $"{sender}-2026-000017", "request", System.Text.Encoding.UTF8.GetBytes(payload));
        return (envelope.Header, EnvelopeJson.Serialize(envelope));
    }

    /// <summary>The opener of <paramref name="recipient"/>'s node, asking <paramref name="accepted"/> for replays.</summary>
    public EnvelopeOpener OpenerOf(AuthorityId recipient, IAcceptedMessages accepted) =>
        new(_nodes[recipient].Keys, _nodes[recipient].Peers, accepted, _clock, Duration.FromMinutes(10));

    public void Dispose()
    {
        foreach (var (keys, _) in _nodes.Values)
        {
            keys.Dispose();
        }

        Directory.Delete(_root, recursive: true);
    }
}
