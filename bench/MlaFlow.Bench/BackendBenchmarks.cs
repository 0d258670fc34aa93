using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;
using NSecKey = NSec.Cryptography.Key;

namespace MlaFlow.Bench;

/// <summary>
/// The X25519 and Ed25519 backends MlaFlow could use, each on the same work as openssl's own loop: BouncyCastle 2.7
/// (managed code), NSec 26.4 with its key objects kept from one operation to the next (NSec re-creating them per operation
/// loses what libsodium gains), and libsodium 1.0.22 through Geralt 4.5, which MlaFlow uses. The measurements chose it.
/// An Ed25519 operation is one signature of 1 KiB and its verification.
/// </summary>
public class BackendBenchmarks : ICheckedBenchmarks
{
    private static readonly NSec.Cryptography.KeyAgreementAlgorithm NSecX25519 = NSec.Cryptography.KeyAgreementAlgorithm.X25519;
    private static readonly NSec.Cryptography.SignatureAlgorithm NSecEd25519 = NSec.Cryptography.SignatureAlgorithm.Ed25519;

    private readonly byte[] _message = RandomNumberGenerator.GetBytes(HpkeBenchmarks.MessageLength);
    private readonly byte[] _shared = new byte[32];
    private readonly byte[] _scalar = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _point = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _sodiumX25519Private = new byte[32];
    private readonly byte[] _sodiumX25519Peer = new byte[32];
    private readonly byte[] _sodiumEd25519Public = new byte[32];
    private readonly byte[] _sodiumEd25519Secret = new byte[64];
    private readonly byte[] _ed25519Seed = RandomNumberGenerator.GetBytes(32);
    private Ed25519PrivateKeyParameters? _bcKey;
    private Ed25519PublicKeyParameters? _bcPublicKey;
    private NSecKey? _nsecOwn;
    private NSecKey? _nsecPeer;
    private NSecKey? _nsecSigning;

    [GlobalSetup]
    public void Setup()
    {
        _point[31] &= 0x7F;
        Geralt.X25519.GenerateKeyPair(_sodiumX25519Peer, _sodiumX25519Private);
        Geralt.Ed25519.GenerateKeyPair(_sodiumEd25519Public, _sodiumEd25519Secret);
        _bcKey = new Ed25519PrivateKeyParameters(_ed25519Seed);
        _bcPublicKey = _bcKey.GeneratePublicKey();
        _nsecOwn = NSecKey.Create(NSecX25519);
        _nsecPeer = NSecKey.Create(NSecX25519);
        _nsecSigning = NSecKey.Create(NSecEd25519);
        Checks.That(
            Ed25519BouncyCastleRederiving() && Ed25519BouncyCastleKept() && Ed25519NSec() && Ed25519Libsodium(),
            "An Ed25519 signature did not verify.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _nsecOwn?.Dispose();
        _nsecPeer?.Dispose();
        _nsecSigning?.Dispose();
    }

    [Benchmark]
    public void X25519BouncyCastle() => BcX25519.ScalarMult(_scalar, 0, _point, 0, _shared, 0);

    [Benchmark]
    public byte[] X25519NSec()
    {
        var exportable = new NSec.Cryptography.SharedSecretCreationParameters { ExportPolicy = NSec.Cryptography.KeyExportPolicies.AllowPlaintextExport };
        using var secret = NSecX25519.Agree(_nsecOwn!, _nsecPeer!.PublicKey, in exportable) ?? throw new InvalidOperationException("NSec refused the DH.");
        return secret.Export(NSec.Cryptography.SharedSecretBlobFormat.RawSharedSecret);
    }

    [Benchmark]
    public void X25519Libsodium() => Geralt.X25519.ComputeSharedSecret(_shared, _sodiumX25519Private, _sodiumX25519Peer);

    /// <summary>As MlaFlow signed before: a key object from the 32-byte seed per signature, which derives the public key again.</summary>
    [Benchmark]
    public bool Ed25519BouncyCastleRederiving() => BouncyCastleVerify(BouncyCastleSign(new Ed25519PrivateKeyParameters(_ed25519Seed)));

    [Benchmark]
    public bool Ed25519BouncyCastleKept() => BouncyCastleVerify(BouncyCastleSign(_bcKey!));

    [Benchmark]
    public bool Ed25519NSec() => NSecEd25519.Verify(_nsecSigning!.PublicKey, _message, NSecEd25519.Sign(_nsecSigning, _message));

    /// <summary>libsodium signs with seed ‖ public key: the stored public key is passed in, as MlaFlow's key code does.</summary>
    [Benchmark]
    public bool Ed25519Libsodium()
    {
        var signature = new byte[64];
        Geralt.Ed25519.Sign(signature, _message, _sodiumEd25519Secret);
        return Geralt.Ed25519.Verify(signature, _message, _sodiumEd25519Public);
    }

    private byte[] BouncyCastleSign(Ed25519PrivateKeyParameters key)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, key);
        signer.BlockUpdate(_message);
        return signer.GenerateSignature();
    }

    private bool BouncyCastleVerify(byte[] signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, _bcPublicKey!);
        verifier.BlockUpdate(_message);
        return verifier.VerifySignature(signature);
    }
}
