using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// A pre-shared key and its identifier, for <see cref="HpkeMode.Psk"/> and <see cref="HpkeMode.AuthPsk"/>.
/// Both parts are required (RFC 9180 §5.1, VerifyPSKInputs). Disposing it zeroes the key.
/// </summary>
public sealed class HpkePsk : IDisposable
{
    /// <summary>
    /// The shortest key accepted, in bytes: RFC 9180 §5.1.2 requires at least 32 bytes of entropy, which a
    /// shorter key cannot hold.
    /// </summary>
    public const int MinimumKeyLength = 32;

    private readonly byte[] _key;
    private readonly byte[] _id;

    /// <summary>Copies the key and its id.</summary>
    /// <exception cref="ArgumentException">The key is shorter than <see cref="MinimumKeyLength"/> bytes, or the id is empty.</exception>
    public HpkePsk(ReadOnlySpan<byte> key, ReadOnlySpan<byte> id)
    {
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"A PSK must be at least {MinimumKeyLength} bytes (RFC 9180 §5.1.2), not {key.Length}.", nameof(key));
        }

        if (id.IsEmpty)
        {
            throw new ArgumentException("A PSK needs a non-empty psk_id (RFC 9180 §5.1).", nameof(id));
        }

        _key = key.ToArray();
        _id = id.ToArray();
    }

    internal ReadOnlySpan<byte> Key => _key;

    internal ReadOnlySpan<byte> Id => _id;

    /// <summary>Zeroes the key.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_key);
}
