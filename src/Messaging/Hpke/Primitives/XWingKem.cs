using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// MLKEM768-X25519, 0x647a (draft-ietf-hpke-pq §4): X-Wing's construction (draft-connolly-cfrg-xwing-kem). The 32-byte
/// private key expands by SHAKE256 into an ML-KEM-768 seed and an X25519 scalar; the public key is the ML-KEM
/// encapsulation key ‖ the X25519 public key; the enc is the ML-KEM ciphertext ‖ an ephemeral X25519 public key; the
/// shared secret is SHA3-256(ss_M ‖ ss_X ‖ ct_X ‖ pk_X ‖ "\./" "/^\"). Secure while either ML-KEM or X25519 is.
/// DeriveKeyPair is HPKE's: SHAKE256's LabeledDerive of the ikm into the seed, not X-Wing's own plain SHAKE256.
/// </summary>
internal sealed class XWingKem : Kem
{
    private const int SeedSize = 32;
    private const int X25519Size = 32;

    private static readonly byte[] Label = [0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c];

    private readonly LabeledShake256 _kdf;

    private XWingKem()
        : base(HpkeKem.MLKem768X25519) => _kdf = new LabeledShake256(SuiteIds.Kem(Id));

    public static XWingKem Instance { get; } = new();

    public override int EncSize => MLKem768.CiphertextSize + X25519Size;

    public override int PublicKeySize => MLKem768.PublicKeySize + X25519Size;

    public override int PrivateKeySize => SeedSize;

    public override int SharedSecretSize => 32;

    /// <summary>eseed: m for ML-KEM, then the ephemeral X25519 scalar.</summary>
    public override int EncapRandomnessSize => MLKem768.RandomnessSize + X25519Size;

    private static X25519Group X25519 => X25519Group.Instance;

    public override HpkeKeyPair GenerateKeyPair() => KeyPairOf(RandomNumberGenerator.GetBytes(SeedSize));

    public override HpkeKeyPair DeriveKeyPair(ReadOnlySpan<byte> ikm) => KeyPairOf(_kdf.LabeledDerive(ikm, "DeriveKeyPair"u8, [], SeedSize));

    public override HpkePublicKey DeserializePublicKey(ReadOnlySpan<byte> encoded, string parameterName)
    {
        var problem = encoded.Length != PublicKeySize ? $"it is {PublicKeySize} bytes, not {encoded.Length}" : null;
        var kem = problem is null ? MLKem768.PublicKey(encoded[..MLKem768.PublicKeySize], out problem) : null;
        return kem is not null ? new HpkePublicKey(Id, encoded.ToArray(), new XWingPublicKey(kem, encoded[MLKem768.PublicKeySize..].ToArray()))
            : throw new ArgumentException($"Not an {HpkeSuite.Name(Id)} public key: {problem}.", parameterName);
    }

    public override HpkeKeyPair DeserializePrivateKey(ReadOnlySpan<byte> encoded, string parameterName) =>
        encoded.Length == SeedSize ? KeyPairOf(encoded.ToArray())
        : throw new ArgumentException($"Not an {HpkeSuite.Name(Id)} private key: it is a {SeedSize}-byte seed, not {encoded.Length} bytes.", parameterName);

    public override KemOutput EncapDerandomized(HpkePublicKey recipient, HpkeKeyPair? sender, ReadOnlySpan<byte> ikmE)
    {
        CheckRandomness(ikmE);
        var pk = (XWingPublicKey)recipient.Prepared!;
        var enc = new byte[EncSize];
        Span<byte> secretM = stackalloc byte[MLKem768.SecretSize];
        var secretX = Array.Empty<byte>();
        try
        {
            MLKem768.Encapsulate(pk.Kem, ikmE[..MLKem768.RandomnessSize], enc.AsSpan(0, MLKem768.CiphertextSize), secretM);
            var ephemeral = ikmE[MLKem768.RandomnessSize..];
            X25519.PublicKeyOf(ephemeral).CopyTo(enc, MLKem768.CiphertextSize);
            if (!X25519.TryAgree(ephemeral, pk.X25519, out secretX))
            {
                throw new ArgumentException("The X25519 part of the MLKEM768-X25519 public key is of small order: DH with it gives all zeros.", nameof(recipient));
            }

            return new KemOutput(Combine(secretM, secretX, enc.AsSpan(MLKem768.CiphertextSize), pk.X25519), enc);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretM);
            CryptographicOperations.ZeroMemory(secretX);
        }
    }

    public override byte[] Decap(ReadOnlySpan<byte> enc, HpkeKeyPair recipient, HpkePublicKey? sender)
    {
        if (enc.Length != EncSize)
        {
            throw WrongEncLength(enc.Length);
        }

        var sk = (XWingPrivateKey)recipient.Prepared!;
        Span<byte> secretM = stackalloc byte[MLKem768.SecretSize];
        var secretX = Array.Empty<byte>();
        try
        {
            MLKem768.Decapsulate(sk.Kem, enc[..MLKem768.CiphertextSize], secretM);
            var ephemeral = enc[MLKem768.CiphertextSize..];
            return X25519.TryAgree(sk.X25519Secret, ephemeral, out secretX)
                ? Combine(secretM, secretX, ephemeral, sk.X25519Public)
                : throw new HpkeOpenException("The message does not open: the X25519 part of its enc is a small-order point.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretM);
            CryptographicOperations.ZeroMemory(secretX);
        }
    }

    // expandDecapsulationKey: SHAKE256(seed, 96) = ML-KEM-768 seed (d ‖ z, 64 bytes) ‖ X25519 scalar (32 bytes).
    private HpkeKeyPair KeyPairOf(byte[] seed)
    {
        Span<byte> expanded = stackalloc byte[MLKem768.SeedSize + X25519Size];
        try
        {
            LabeledShake256.Expand(seed, expanded);
            var kem = MLKem768.FromSeed(expanded[..MLKem768.SeedSize]);
            var scalar = expanded[MLKem768.SeedSize..].ToArray();
            var x25519Public = X25519.PublicKeyOf(scalar);
            var publicKey = new HpkePublicKey(Id, [.. kem.GetPublicKeyEncoded(), .. x25519Public], new XWingPublicKey(kem.GetPublicKey(), x25519Public));
            return new HpkeKeyPair(Id, seed, publicKey, new XWingPrivateKey(kem, scalar, x25519Public));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expanded);
        }
    }

    private static byte[] Combine(ReadOnlySpan<byte> secretM, ReadOnlySpan<byte> secretX, ReadOnlySpan<byte> ciphertextX, ReadOnlySpan<byte> publicX)
    {
        var sha3 = new Sha3Digest(256);
        sha3.BlockUpdate(secretM);
        sha3.BlockUpdate(secretX);
        sha3.BlockUpdate(ciphertextX);
        sha3.BlockUpdate(publicX);
        sha3.BlockUpdate(Label);
        var secret = new byte[32];
        sha3.DoFinal(secret);
        return secret;
    }

    /// <summary>The recipient's key, parsed once: the ML-KEM encapsulation key and the X25519 public key.</summary>
    private sealed record XWingPublicKey(MLKemPublicKeyParameters Kem, byte[] X25519);

    /// <summary>The expanded private key: the ML-KEM key, the X25519 scalar (zeroed on dispose) and its public key.</summary>
    private sealed record XWingPrivateKey(MLKemPrivateKeyParameters Kem, byte[] X25519Secret, byte[] X25519Public) : IDisposable
    {
        public void Dispose() => CryptographicOperations.ZeroMemory(X25519Secret);
    }
}
