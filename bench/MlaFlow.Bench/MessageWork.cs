using System.Security.Cryptography;
using MlaFlow.Messaging.Hpke;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

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
    /// Ed25519 signature of a 1 KiB message, then its verification, through BouncyCastle the way the messaging key code
    /// does it (src/Messaging/Keys): the private key from its 32 bytes and a new signer for each signature, a new
    /// verifier for each verification. Ed25519Signer.Init derives the public key, so a signature costs two scalar
    /// multiplications by the base point, not one.
    /// </summary>
    public static double Ed25519SignVerify(BenchContext context)
    {
        var privateKey = new Ed25519PrivateKeyParameters(new SecureRandom()).GetEncoded();
        var publicKey = new Ed25519PrivateKeyParameters(privateKey, 0).GeneratePublicKey().GetEncoded();
        var message = RandomNumberGenerator.GetBytes(MessageLength);

        bool SignVerify()
        {
            var signer = new Ed25519Signer();
            signer.Init(forSigning: true, new Ed25519PrivateKeyParameters(privateKey, 0));
            signer.BlockUpdate(message, 0, message.Length);
            var signature = signer.GenerateSignature();

            var verifier = new Ed25519Signer();
            verifier.Init(forSigning: false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.BlockUpdate(message, 0, message.Length);
            return verifier.VerifySignature(signature);
        }

        Check(SignVerify(), "An Ed25519 signature did not verify.");
        return context.Meter.OperationsPerSecond(() => SignVerify(), context.Cancellation);
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
