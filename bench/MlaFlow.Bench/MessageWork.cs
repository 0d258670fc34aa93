using System.Security.Cryptography;
using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Bench;

/// <summary>
/// The per-message crypto of one message between central authorities, on a 1 KiB body: each operation is what a
/// sender does and then what the recipient does. Every operation's output is checked once before timing, so the
/// harness measures work that is right.
/// </summary>
internal static class MessageWork
{
    /// <summary>Bytes of a message body.</summary>
    public const int MessageLength = 1024;

    private static readonly byte[] Info = "MlaFlow bench message"u8.ToArray();
    private static readonly byte[] Aad = "header"u8.ToArray();

    /// <summary>Single-shot HPKE auth-mode seal, then open, of a 1 KiB message: fresh ephemeral key, a new context each.</summary>
    public static double HpkeAuthSealOpen(HpkeSuite suite, BenchContext context)
    {
        var hpke = new HpkeCipher(suite);
        using var recipient = hpke.GenerateKeyPair();
        using var sender = hpke.GenerateKeyPair();
        var plaintext = RandomNumberGenerator.GetBytes(MessageLength);

        byte[] SealOpen()
        {
            var message = hpke.Seal(HpkeMode.Auth, recipient.PublicKey, Info, Aad, plaintext, sender: sender);
            return hpke.Open(HpkeMode.Auth, recipient, message.Enc.Span, Info, Aad, message.Ciphertext.Span, sender: sender.PublicKey);
        }

        Check(SealOpen().AsSpan().SequenceEqual(plaintext), $"HPKE {suite} did not give the plaintext back.");
        return context.Meter.OperationsPerSecond(() => SealOpen(), context.Cancellation);
    }

    /// <summary>
    /// What signs a post-quantum envelope or receipt, through the key store as a node does it: an Ed25519 and an ML-DSA-65
    /// signature of 1 KiB, then both verifications.
    /// </summary>
    public static double HybridSignVerify(BenchContext context)
    {
        var root = Directory.CreateTempSubdirectory("mlaflow-bench-signatures-").FullName;
        try
        {
            using var keys = KeyStore.Open(root, KeyProtection.KeyEncryptionKey(RandomNumberGenerator.GetBytes(KeyProtection.KeyEncryptionKeyLength)), SystemClock.Instance);
            var authority = AuthorityId.Parse("CN-MOJ");
            keys.Generate(authority, KeySuite.Default, postQuantum: true);
            var (classical, postQuantum) = (keys.CurrentSigningKey(authority), keys.CurrentSigningKey(authority, postQuantum: true));
            var message = RandomNumberGenerator.GetBytes(MessageLength);

            bool SignVerify() =>
                classical.Key.Verify(message, classical.Sign(message)) & postQuantum.Key.Verify(message, postQuantum.Sign(message));

            Check(SignVerify(), "A hybrid signature did not verify.");
            return context.Meter.OperationsPerSecond(() => SignVerify(), context.Cancellation);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
