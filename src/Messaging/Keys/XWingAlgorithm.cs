using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Hpke.Primitives;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// MLKEM768-X25519 (X-Wing) encryption key pairs, as HPKE's KEM 0x647a serializes them: the 32-byte seed as private key,
/// the ML-KEM-768 encapsulation key ‖ the X25519 public key (1,216 bytes) as public key. A public key must pass FIPS 203's
/// modulus check, and its X25519 part the checks every X25519 key passes (<see cref="X25519PublicKeyCheck"/>).
/// </summary>
internal sealed class XWingAlgorithm() : KeyAlgorithm("MLKEM768-X25519", KeyUse.Encryption, 32, 1216)
{
    private static XWingKem Kem => XWingKem.Instance;

    internal override HpkeKem? HpkeKem => Hpke.HpkeKem.MLKem768X25519;

    internal override void Generate(Span<byte> privateKey, Span<byte> publicKey)
    {
        using var pair = Kem.GenerateKeyPair();
        pair.PrivateKey.CopyTo(privateKey);
        pair.PublicKey.Bytes.CopyTo(publicKey);
    }

    internal override void DerivePublicKey(ReadOnlySpan<byte> privateKey, Span<byte> publicKey)
    {
        using var pair = Kem.DeserializePrivateKey(privateKey, nameof(privateKey));
        pair.PublicKey.Bytes.CopyTo(publicKey);
    }

    internal override string? PublicKeyProblem(ReadOnlySpan<byte> publicKey)
    {
        try
        {
            using var key = Kem.DeserializePublicKey(publicKey, nameof(publicKey));
        }
        catch (ArgumentException e)
        {
            return e.Message.Replace($" (Parameter '{nameof(publicKey)}')", "", StringComparison.Ordinal).TrimEnd('.');
        }

        return X25519PublicKeyCheck.Problem(publicKey[^32..]) is { } problem ? $"its X25519 part: {problem}" : null;
    }
}
