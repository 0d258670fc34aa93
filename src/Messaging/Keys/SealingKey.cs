using System.Security.Cryptography;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// AES-256-GCM under the store's derived key. A sealed value is nonce (12 bytes, random) ‖ ciphertext ‖ tag
/// (16 bytes); the associated data names what is sealed, so a sealed key moved to another entry or another
/// authority fails to open. The key lives in a pinned array (never copied by the GC) and is zeroed on dispose.
/// </summary>
internal sealed class SealingKey(byte[] key) : IDisposable
{
    public const int Length = 32;
    private const int NonceLength = 12;
    private const int TagLength = 16;

    /// <summary>Bytes a sealed value adds to its plaintext.</summary>
    public const int Overhead = NonceLength + TagLength;

    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedValue = new byte[Overhead + plaintext.Length];
        var nonce = sealedValue.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(NonceLength, plaintext.Length), sealedValue.AsSpan(NonceLength + plaintext.Length), associatedData);
        return sealedValue;
    }

    /// <summary>Opens <paramref name="sealedValue"/> into <paramref name="plaintext"/>; false when it does not authenticate.</summary>
    public bool TryOpen(ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> associatedData, Span<byte> plaintext)
    {
        if (sealedValue.Length != Overhead + plaintext.Length)
        {
            return false;
        }

        using var aes = new AesGcm(key, TagLength);
        try
        {
            aes.Decrypt(sealedValue[..NonceLength], sealedValue[NonceLength..^TagLength], sealedValue[^TagLength..], plaintext, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(key);
}
