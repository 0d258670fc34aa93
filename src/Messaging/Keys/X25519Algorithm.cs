using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Messaging.Keys;

/// <summary>X25519 key pairs from libsodium (through Geralt); a public key is checked as <see cref="X25519PublicKeyCheck"/> says.</summary>
internal sealed class X25519Algorithm() : KeyAlgorithm("X25519", KeyUse.Encryption, KeyLength, KeyLength)
{
    private const int KeyLength = 32;

    internal override HpkeKem? HpkeKem => Hpke.HpkeKem.DhkemX25519HkdfSha256;

    internal override void Generate(Span<byte> privateKey, Span<byte> publicKey) => Geralt.X25519.GenerateKeyPair(publicKey, privateKey);

    internal override void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey) => Geralt.X25519.ComputePublicKey(publicKey, privateKey);

    internal override string? PublicKeyProblem(ReadOnlySpan<byte> publicKey) => X25519PublicKeyCheck.Problem(publicKey);
}
