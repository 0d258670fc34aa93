using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Bench;

/// <summary>
/// Whole messages between central authorities, through the real key stores (sealed under a key-encryption key, in a
/// temporary folder), the peer directories and the envelope code, as a node does it: CN-MOJ seals and signs a 1 KiB
/// envelope for TH-OAG, TH-OAG verifies and opens it — in the classical suite, and in the post-quantum one with both
/// authorities holding post-quantum keys beside their classical ones. Also what signs a post-quantum envelope or receipt.
/// </summary>
public class EnvelopeBenchmarks : ICheckedBenchmarks
{
    private static readonly AuthorityId China = AuthorityId.Parse("CN-MOJ");
    private static readonly AuthorityId Thailand = AuthorityId.Parse("TH-OAG");

    private readonly byte[] _payload = RandomNumberGenerator.GetBytes(HpkeBenchmarks.MessageLength);
    private string? _root;
    private Exchange? _classical;
    private Exchange? _postQuantum;
    private OwnSigningKey? _ed25519;
    private OwnSigningKey? _mlDsa65;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("mlaflow-bench-envelopes-").FullName;
        _classical = new Exchange(Path.Combine(_root, "classical"), postQuantum: false);
        _postQuantum = new Exchange(Path.Combine(_root, "post-quantum"), postQuantum: true);
        (_ed25519, _mlDsa65) = (_postQuantum.ChinaKeys.CurrentSigningKey(China), _postQuantum.ChinaKeys.CurrentSigningKey(China, postQuantum: true));
        Checks.That(
            _classical.SealOpen(_payload).AsSpan().SequenceEqual(_payload) && _postQuantum.SealOpen(_payload).AsSpan().SequenceEqual(_payload)
            && _classical.SuiteSealed(_payload) == EnvelopeSuite.X25519Ed25519 && _postQuantum.SuiteSealed(_payload) == EnvelopeSuite.PostQuantum,
            "An envelope did not give its payload back, or was not of the suite measured.");
        Checks.That(HybridSignVerify(), "A hybrid signature did not verify.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _classical?.Dispose();
        _postQuantum?.Dispose();
        if (_root is not null)
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Benchmark]
    public byte[] Classical() => _classical!.SealOpen(_payload);

    [Benchmark]
    public byte[] PostQuantum() => _postQuantum!.SealOpen(_payload);

    /// <summary>An Ed25519 and an ML-DSA-65 signature of 1 KiB through the key store, then both verifications.</summary>
    [Benchmark]
    public bool HybridSignVerify() =>
        _ed25519!.Key.Verify(_payload, _ed25519.Sign(_payload)) & _mlDsa65!.Key.Verify(_payload, _mlDsa65.Sign(_payload));

    /// <summary>CN-MOJ's and TH-OAG's keys and peer directories in one folder, and a sealer and an opener between them.</summary>
    private sealed class Exchange : IDisposable
    {
        private readonly KeyStore _thailandKeys;
        private readonly EnvelopeSealer _sealer;
        private readonly EnvelopeOpener _opener;
        private int _sequence;

        public Exchange(string root, bool postQuantum)
        {
            ChinaKeys = Store(Path.Combine(root, "cn"), China, postQuantum);
            _thailandKeys = Store(Path.Combine(root, "th"), Thailand, postQuantum);
            _sealer = new EnvelopeSealer(ChinaKeys, Trusting(Path.Combine(root, "cn"), _thailandKeys, Thailand), SystemClock.Instance);
            _opener = new EnvelopeOpener(_thailandKeys, Trusting(Path.Combine(root, "th"), ChinaKeys, China), new NothingAccepted(), SystemClock.Instance,
                Duration.FromMinutes(10));
        }

        public KeyStore ChinaKeys { get; }

        public byte[] SealOpen(byte[] payload) =>
            // The opener completes synchronously here: the accepted-message store below answers at once.
            _opener.OpenAsync(Seal(payload)).GetAwaiter().GetResult().Payload;

        public EnvelopeSuite SuiteSealed(byte[] payload) => Seal(payload).Header.Suite;

        public void Dispose()
        {
            _sealer.Dispose();
            _opener.Dispose();
            ChinaKeys.Dispose();
            _thailandKeys.Dispose();
        }

        private Envelope Seal(byte[] payload) =>
            _sealer.Seal(China, Thailand, $"CN-MOJ-2026-000001/m{++_sequence}", "CN-MOJ-2026-000001", "request", payload);

        private static KeyStore Store(string folder, AuthorityId authority, bool postQuantum)
        {
            var store = KeyStore.Open(folder, KeyProtection.KeyEncryptionKey(RandomNumberGenerator.GetBytes(KeyProtection.KeyEncryptionKeyLength)), SystemClock.Instance);
            store.Generate(authority, KeySuite.Default, postQuantum);
            return store;
        }

        private static PeerDirectory Trusting(string folder, KeyStore other, AuthorityId authority)
        {
            var peers = PeerDirectory.Open(folder, SystemClock.Instance);
            var bundle = other.ExportPublic(authority);
            peers.Import(bundle, bundle.Fingerprint);
            return peers;
        }
    }

    // Replay protection is the node's database; here every message id is new, so nothing is ever accepted already.
    private sealed class NothingAccepted : IAcceptedMessages
    {
        public Task<bool> ContainsAsync(AuthorityId sender, string messageId, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
