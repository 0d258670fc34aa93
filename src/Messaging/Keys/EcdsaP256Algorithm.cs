using System.Security.Cryptography;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// ECDSA on P-256 with SHA-256 from the BCL. Signatures are r ‖ s, 32 bytes each (IEEE P1363), not DER:
/// fixed-length, so an envelope can hold them without a length.
/// </summary>
internal sealed class EcdsaP256Algorithm() : SignatureAlgorithm("ECDSA-P256-SHA256", P256Keys.PrivateKeyLength, P256Keys.PublicKeyLength, 64)
{
    private const DSASignatureFormat Format = DSASignatureFormat.IeeeP1363FixedFieldConcatenation;

    internal override void Generate(Span<byte> privateKey, Span<byte> publicKey) => P256Keys.Generate(privateKey, publicKey);

    internal override void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey) => P256Keys.DerivePublicKey(privateKey, publicKey);

    internal override string? PublicKeyProblem(ReadOnlySpan<byte> publicKey) => P256Keys.PublicKeyProblem(publicKey);

    internal override byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message)
    {
        var parameters = P256Keys.PublicParameters(publicKey);
        parameters.D = privateKey.ToArray();
        try
        {
            using var key = ECDsa.Create(parameters);
            return key.SignData(message, HashAlgorithmName.SHA256, Format);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(parameters.D);
        }
    }

    internal override bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength || P256Keys.PublicKeyProblem(publicKey) is not null)
        {
            return false;
        }

        using var key = ECDsa.Create(P256Keys.PublicParameters(publicKey));
        return key.VerifyData(message, signature, HashAlgorithmName.SHA256, Format);
    }
}
