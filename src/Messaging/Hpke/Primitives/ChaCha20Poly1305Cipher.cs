using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>ChaCha20Poly1305 (RFC 8439) from the BCL.</summary>
internal sealed class ChaCha20Poly1305Cipher(byte[] key) : AeadCipher
{
    private readonly ChaCha20Poly1305 _chacha = new(key);

    public override void Dispose() => _chacha.Dispose();

    protected override void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> aad) =>
        _chacha.Encrypt(nonce, plaintext, ciphertext, tag, aad);

    protected override void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> aad) =>
        _chacha.Decrypt(nonce, ciphertext, tag, plaintext, aad);
}
