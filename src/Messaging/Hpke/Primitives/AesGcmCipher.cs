using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>AES-GCM from the BCL with the 16-byte tag HPKE uses; the key length picks AES-128 or AES-256.</summary>
internal sealed class AesGcmCipher(byte[] key) : AeadCipher
{
    private readonly AesGcm _aes = new(key, TagSize);

    public override void Dispose() => _aes.Dispose();

    protected override void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> aad) =>
        _aes.Encrypt(nonce, plaintext, ciphertext, tag, aad);

    protected override void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> aad) =>
        _aes.Decrypt(nonce, ciphertext, tag, plaintext, aad);
}
