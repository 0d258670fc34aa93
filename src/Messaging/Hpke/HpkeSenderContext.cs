using MlaFlow.Messaging.Hpke.Primitives;

namespace MlaFlow.Messaging.Hpke;

/// <summary>The sender's end of a setup (RFC 9180 §5.2): seals messages in order; <see cref="Enc"/> goes to the recipient.</summary>
public sealed class HpkeSenderContext : HpkeContext
{
    private readonly byte[] _enc;

    internal HpkeSenderContext(HpkeSuite suite, LabeledHkdf kdf, AeadAlgorithm aead, ScheduledSecrets secrets, byte[] enc)
        : base(suite, kdf, aead, secrets) =>
        _enc = enc;

    /// <summary>The encapsulated key: the recipient needs it, with the info, to set up its end.</summary>
    public ReadOnlyMemory<byte> Enc => _enc;

    /// <summary>Seals the next message: ciphertext || 16-byte tag, bound to <paramref name="aad"/>.</summary>
    /// <exception cref="NotSupportedException">The suite's AEAD is export-only.</exception>
    /// <exception cref="HpkeMessageLimitException">Every nonce has been used.</exception>
    /// <exception cref="ObjectDisposedException">The context was disposed.</exception>
    public byte[] Seal(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext) => SealNext(aad, plaintext);
}
