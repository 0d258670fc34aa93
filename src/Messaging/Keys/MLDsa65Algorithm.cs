using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// ML-DSA-65 (FIPS 204, pure, empty context) from BouncyCastle 2.7: the 32-byte seed ξ as private key, 1,952-byte public
/// keys, 3,309-byte hedged signatures. Signatures stay unforgeable by a quantum computer, so a receipt kept as evidence does
/// too. BouncyCastle's expanded key keeps copies of its own, which cannot be zeroed from outside.
/// </summary>
internal sealed class MLDsa65Algorithm() : SignatureAlgorithm("ML-DSA-65", SeedLength, 1952, 3309)
{
    private const int SeedLength = 32;

    private static MLDsaParameters Parameters => MLDsaParameters.ml_dsa_65;

    internal override void Generate(Span<byte> privateKey, Span<byte> publicKey)
    {
        RandomNumberGenerator.Fill(privateKey);
        DerivePublicKey(privateKey, publicKey);
    }

    internal override void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey) =>
        Expand(privateKey).GetPublicKeyEncoded().CopyTo(publicKey);

    internal override string? PublicKeyProblem(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLength)
        {
            return $"an ML-DSA-65 public key is {PublicKeyLength} bytes, not {publicKey.Length}";
        }

        try
        {
            MLDsaPublicKeyParameters.FromEncoding(Parameters, publicKey.ToArray());
            return null;
        }
        catch (ArgumentException)
        {
            return "not an ML-DSA-65 public key encoding (FIPS 204)";
        }
    }

    internal override byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        var signer = new MLDsaSigner(Parameters, deterministic: false);
        signer.Init(forSigning: true, Expand(privateKey));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    internal override bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        try
        {
            var verifier = new MLDsaSigner(Parameters, deterministic: false);
            verifier.Init(forSigning: false, MLDsaPublicKeyParameters.FromEncoding(Parameters, publicKey.ToArray()));
            verifier.BlockUpdate(message);
            return verifier.VerifySignature(signature.ToArray());
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static MLDsaPrivateKeyParameters Expand(ReadOnlySpan<byte> seed) => SecretCopy.Use(seed, copy => MLDsaPrivateKeyParameters.FromSeed(Parameters, copy));
}
