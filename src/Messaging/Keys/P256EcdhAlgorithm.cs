using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Messaging.Keys;

/// <summary>ECDH key pairs on P-256 from the BCL, for authorities that require NIST curves (HPKE's DHKEM(P-256, HKDF-SHA256)).</summary>
internal sealed class P256EcdhAlgorithm() : KeyAlgorithm("ECDH-P256", KeyUse.Encryption, P256Keys.PrivateKeyLength, P256Keys.PublicKeyLength)
{
    internal override HpkeKem? HpkeKem => Hpke.HpkeKem.DhkemP256HkdfSha256;

    internal override void Generate(Span<byte> privateKey, Span<byte> publicKey) => P256Keys.Generate(privateKey, publicKey);

    internal override void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey) => P256Keys.DerivePublicKey(privateKey, publicKey);

    internal override string? PublicKeyProblem(ReadOnlySpan<byte> publicKey) => P256Keys.PublicKeyProblem(publicKey);
}
