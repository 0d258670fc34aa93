using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;
using NSecKey = NSec.Cryptography.Key;

namespace MlaFlow.Bench;

/// <summary>
/// The X25519 and Ed25519 backends MlaFlow could use, each timed on the same work as openssl's own loop: BouncyCastle 2.7
/// (managed code), NSec 26.4 with its key objects kept from one operation to the next (NSec re-creating them per operation
/// loses what libsodium gains), and libsodium 1.0.22 through Geralt 4.5, which MlaFlow uses. The measurements chose it.
/// </summary>
internal static class BackendWork
{
    private static readonly byte[] Message = RandomNumberGenerator.GetBytes(MessageWork.MessageLength);

    public static double X25519BouncyCastle(BenchContext context)
    {
        var (scalar, point, shared) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), new byte[32]);
        point[31] &= 0x7F;
        return context.Meter.OperationsPerSecond(() => BcX25519.ScalarMult(scalar, 0, point, 0, shared, 0), context.Cancellation);
    }

    public static double X25519NSec(BenchContext context)
    {
        var algorithm = NSec.Cryptography.KeyAgreementAlgorithm.X25519;
        using var own = NSecKey.Create(algorithm);
        using var peer = NSecKey.Create(algorithm);
        return context.Meter.OperationsPerSecond(() =>
        {
            var exportable = new NSec.Cryptography.SharedSecretCreationParameters { ExportPolicy = NSec.Cryptography.KeyExportPolicies.AllowPlaintextExport };
            using var secret = algorithm.Agree(own, peer.PublicKey, in exportable) ?? throw new InvalidOperationException("NSec refused the DH.");
            secret.Export(NSec.Cryptography.SharedSecretBlobFormat.RawSharedSecret);
        }, context.Cancellation);
    }

    public static double X25519Libsodium(BenchContext context)
    {
        var (privateKey, peer, shared) = (new byte[32], new byte[32], new byte[32]);
        Geralt.X25519.GenerateKeyPair(peer, privateKey);
        return context.Meter.OperationsPerSecond(() => Geralt.X25519.ComputeSharedSecret(shared, privateKey, peer), context.Cancellation);
    }

    /// <summary>As MlaFlow signed before: a key object from the 32-byte seed per signature, which derives the public key again.</summary>
    public static double Ed25519BouncyCastleRederiving(BenchContext context)
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var publicKey = new Ed25519PrivateKeyParameters(seed).GeneratePublicKey();
        return SignVerify(context, () => Sign(new Ed25519PrivateKeyParameters(seed)), signature => Verify(publicKey, signature));
    }

    public static double Ed25519BouncyCastleKept(BenchContext context)
    {
        var key = new Ed25519PrivateKeyParameters(RandomNumberGenerator.GetBytes(32));
        var publicKey = key.GeneratePublicKey();
        return SignVerify(context, () => Sign(key), signature => Verify(publicKey, signature));
    }

    public static double Ed25519NSec(BenchContext context)
    {
        var algorithm = NSec.Cryptography.SignatureAlgorithm.Ed25519;
        using var key = NSecKey.Create(algorithm);
        return SignVerify(context, () => algorithm.Sign(key, Message), signature => algorithm.Verify(key.PublicKey, Message, signature));
    }

    /// <summary>libsodium signs with seed ‖ public key: the stored public key is passed in, as MlaFlow's key code does.</summary>
    public static double Ed25519Libsodium(BenchContext context)
    {
        var (publicKey, secretKey) = (new byte[32], new byte[64]);
        Geralt.Ed25519.GenerateKeyPair(publicKey, secretKey);
        return SignVerify(context, () =>
        {
            var signature = new byte[64];
            Geralt.Ed25519.Sign(signature, Message, secretKey);
            return signature;
        }, signature => Geralt.Ed25519.Verify(signature, Message, publicKey));
    }

    private static double SignVerify(BenchContext context, Func<byte[]> sign, Func<byte[], bool> verify)
    {
        if (!verify(sign()))
        {
            throw new InvalidOperationException("An Ed25519 signature did not verify.");
        }

        return context.Meter.OperationsPerSecond(() => verify(sign()), context.Cancellation);
    }

    private static byte[] Sign(Ed25519PrivateKeyParameters key)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, key);
        signer.BlockUpdate(Message);
        return signer.GenerateSignature();
    }

    private static bool Verify(Ed25519PublicKeyParameters publicKey, byte[] signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, publicKey);
        verifier.BlockUpdate(Message);
        return verifier.VerifySignature(signature);
    }
}
