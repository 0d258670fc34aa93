using System.Security.Cryptography;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace MlaFlow.Messaging.Tests.Envelopes;

/// <summary>
/// One authority's node as far as envelopes go: a data folder with the authority's own keys (sealed under a
/// random key-encryption key) and its peer directory, the message ids it has accepted, and a sealer and opener.
/// </summary>
internal sealed class AuthorityNode : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("mlaflow-envelopes-").FullName;
    private readonly HashSet<(AuthorityId, string)> _accepted = [];

    /// <param name="authority">The authority served.</param>
    /// <param name="clock">The node's time.</param>
    /// <param name="suite">Its classical keys' suite (default x25519-ed25519).</param>
    /// <param name="postQuantum">Whether it holds post-quantum keys beside them.</param>
    public AuthorityNode(string authority, FakeClock clock, KeySuite? suite = null, bool postQuantum = false)
    {
        Authority = AuthorityId.Parse(authority);
        Clock = clock;
        Keys = KeyStore.Open(_data, KeyProtection.KeyEncryptionKey(RandomNumberGenerator.GetBytes(KeyProtection.KeyEncryptionKeyLength)), clock);
        Keys.Generate(Authority, suite ?? KeySuite.Default, postQuantum);
        Peers = PeerDirectory.Open(_data, clock);
        Sealer = new EnvelopeSealer(Keys, Peers, Clock);
        Opener = new EnvelopeOpener(Keys, Peers, new Accepted(_accepted), Clock, Window);
    }

    /// <summary>How far from this node's time an envelope may be created.</summary>
    public static Duration Window { get; } = Duration.FromMinutes(10);

    public AuthorityId Authority { get; }

    public FakeClock Clock { get; }

    public KeyStore Keys { get; }

    public PeerDirectory Peers { get; }

    public EnvelopeSealer Sealer { get; }

    public EnvelopeOpener Opener { get; }

    /// <summary>Imports <paramref name="other"/>'s current public bundle, confirmed by its fingerprint as an officer would.</summary>
    public void Trust(AuthorityNode other)
    {
        var bundle = other.Keys.ExportPublic(other.Authority);
        Peers.Import(bundle, bundle.Fingerprint);
    }

    /// <summary>Records a message as taken, as the receiver does with the delivery it causes.</summary>
    public void Accept(EnvelopeHeader header) => _accepted.Add((header.Sender, header.MessageId));

    public void Dispose()
    {
        Sealer.Dispose();
        Opener.Dispose();
        Keys.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private sealed class Accepted(HashSet<(AuthorityId, string)> ids) : IAcceptedMessages
    {
        public Task<bool> ContainsAsync(AuthorityId sender, string messageId, CancellationToken cancellationToken) => Task.FromResult(ids.Contains((sender, messageId)));
    }
}
