using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// ML-KEM-768 as an HPKE KEM, 0x0041 (draft-ietf-hpke-pq §3): the private key is the 64-byte seed, DeriveKeyPair takes it
/// from SHAKE256's LabeledDerive, keys serialize as themselves. The key pair keeps BouncyCastle's expanded key, made
/// once, so a recipient decapsulates without expanding the seed each time.
/// </summary>
internal sealed class MLKem768Kem : Kem
{
    private readonly LabeledShake256 _kdf;

    private MLKem768Kem()
        : base(HpkeKem.MLKem768) => _kdf = new LabeledShake256(SuiteIds.Kem(Id));

    public static MLKem768Kem Instance { get; } = new();

    public override int EncSize => MLKem768.CiphertextSize;

    public override int PublicKeySize => MLKem768.PublicKeySize;

    public override int PrivateKeySize => MLKem768.SeedSize;

    public override int SharedSecretSize => MLKem768.SecretSize;

    public override int EncapRandomnessSize => MLKem768.RandomnessSize;

    public override HpkeKeyPair GenerateKeyPair() => KeyPairOf(RandomNumberGenerator.GetBytes(MLKem768.SeedSize));

    public override HpkeKeyPair DeriveKeyPair(ReadOnlySpan<byte> ikm) => KeyPairOf(_kdf.LabeledDerive(ikm, "DeriveKeyPair"u8, [], MLKem768.SeedSize));

    public override HpkePublicKey DeserializePublicKey(ReadOnlySpan<byte> encoded, string parameterName) =>
        MLKem768.PublicKey(encoded, out var problem) is { } key ? new HpkePublicKey(Id, encoded.ToArray(), key)
        : throw new ArgumentException($"Not an {HpkeSuite.Name(Id)} public key: {problem}.", parameterName);

    public override HpkeKeyPair DeserializePrivateKey(ReadOnlySpan<byte> encoded, string parameterName) =>
        encoded.Length == MLKem768.SeedSize ? KeyPairOf(encoded.ToArray())
        : throw new ArgumentException($"Not an {HpkeSuite.Name(Id)} private key: it is the {MLKem768.SeedSize}-byte seed (d ‖ z), not {encoded.Length} bytes.", parameterName);

    public override KemOutput EncapDerandomized(HpkePublicKey recipient, HpkeKeyPair? sender, ReadOnlySpan<byte> ikmE)
    {
        CheckRandomness(ikmE);
        var (enc, secret) = (new byte[EncSize], new byte[SharedSecretSize]);
        MLKem768.Encapsulate((MLKemPublicKeyParameters)recipient.Prepared!, ikmE, enc, secret);
        return new KemOutput(secret, enc);
    }

    public override byte[] Decap(ReadOnlySpan<byte> enc, HpkeKeyPair recipient, HpkePublicKey? sender)
    {
        if (enc.Length != EncSize)
        {
            throw WrongEncLength(enc.Length);
        }

        var secret = new byte[SharedSecretSize];
        MLKem768.Decapsulate((MLKemPrivateKeyParameters)recipient.Prepared!, enc, secret);
        return secret;
    }

    private HpkeKeyPair KeyPairOf(byte[] seed)
    {
        var expanded = MLKem768.FromSeed(seed);
        return new HpkeKeyPair(Id, seed, new HpkePublicKey(Id, expanded.GetPublicKeyEncoded(), expanded.GetPublicKey()), expanded);
    }
}
