using System.Security.Cryptography;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Bench;

/// <summary>
/// A whole message between central authorities: CN-MOJ seals and signs a 1 KiB envelope for TH-OAG, TH-OAG verifies
/// and opens it — through the real key stores (sealed under a key-encryption key, in a temporary folder), the peer
/// directories and the envelope code, as a node does it.
/// </summary>
internal static class EnvelopeWork
{
    private static readonly AuthorityId China = AuthorityId.Parse("CN-MOJ");
    private static readonly AuthorityId Thailand = AuthorityId.Parse("TH-OAG");

    public static double SealOpen(BenchContext context) => SealOpen(context, postQuantum: false);

    /// <summary>The same in the post-quantum suite: both authorities hold post-quantum keys beside their classical ones.</summary>
    public static double SealOpenPostQuantum(BenchContext context) => SealOpen(context, postQuantum: true);

    private static double SealOpen(BenchContext context, bool postQuantum)
    {
        var root = Directory.CreateTempSubdirectory("mlaflow-bench-envelopes-").FullName;
        try
        {
            using var chinaKeys = Store(Path.Combine(root, "cn"), China, postQuantum);
            using var thailandKeys = Store(Path.Combine(root, "th"), Thailand, postQuantum);
            using var sealer = new EnvelopeSealer(chinaKeys, Trusting(Path.Combine(root, "cn"), thailandKeys, Thailand), SystemClock.Instance);
            using var opener = new EnvelopeOpener(thailandKeys, Trusting(Path.Combine(root, "th"), chinaKeys, China), new NothingAccepted(), SystemClock.Instance,
                Duration.FromMinutes(10));
            var payload = RandomNumberGenerator.GetBytes(MessageWork.MessageLength);
            var sequence = 0;

            byte[] SealOpen()
            {
                var id = $"CN-MOJ-2026-000001/m{++sequence}";
                var envelope = sealer.Seal(China, Thailand, id, "CN-MOJ-2026-000001", "request", payload);
                // The opener completes synchronously here: the accepted-message store below answers at once.
                return opener.OpenAsync(envelope).GetAwaiter().GetResult().Payload;
            }

            if (!SealOpen().AsSpan().SequenceEqual(payload)
                || sealer.Seal(China, Thailand, "CN-MOJ-2026-000001/m0", "CN-MOJ-2026-000001", "request", payload).Header.Suite.IsPostQuantum != postQuantum)
            {
                throw new InvalidOperationException("An envelope did not give its payload back, or was not of the suite measured.");
            }

            return context.Meter.OperationsPerSecond(() => SealOpen(), context.Cancellation);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

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

    // Replay protection is the node's database; here every message id is new, so nothing is ever accepted already.
    private sealed class NothingAccepted : IAcceptedMessages
    {
        public Task<bool> ContainsAsync(AuthorityId sender, string messageId, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
