using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// One keyed AEAD (RFC 9180 §7.3): Seal returns ciphertext || tag, Open checks the tag and returns the
/// plaintext, or throws <see cref="HpkeOpenException"/> having kept nothing of it.
/// </summary>
internal abstract class AeadCipher : IDisposable
{
    /// <summary>Nt: every HPKE AEAD has a 16-byte tag.</summary>
    public const int TagSize = 16;

    public byte[] Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        var sealedMessage = new byte[plaintext.Length + TagSize];
        Encrypt(nonce, plaintext, sealedMessage.AsSpan(0, plaintext.Length), sealedMessage.AsSpan(plaintext.Length), aad);
        return sealedMessage;
    }

    public byte[] Open(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length < TagSize)
        {
            throw new HpkeOpenException($"The message does not open: a ciphertext is at least its {TagSize}-byte tag, this one is {ciphertext.Length} bytes.");
        }

        var plaintext = new byte[ciphertext.Length - TagSize];
        try
        {
            Decrypt(nonce, ciphertext[..plaintext.Length], ciphertext[plaintext.Length..], plaintext, aad);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw new HpkeOpenException("The message does not open: it does not authenticate with this key, nonce and associated data.");
        }
    }

    public abstract void Dispose();

    protected abstract void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> aad);

    protected abstract void Decrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> aad);
}
