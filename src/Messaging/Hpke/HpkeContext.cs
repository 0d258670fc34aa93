using System.Buffers.Binary;
using System.Security.Cryptography;
using MlaFlow.Messaging.Hpke.Primitives;

namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// What both ends of an HPKE setup share (RFC 9180 §5.2, §5.3): the AEAD key and base nonce with the
/// sequence number of the next message, and the exporter secret. Not thread-safe: messages are ordered,
/// so one context serves one conversation in order. Disposing it zeroes its secrets.
/// </summary>
public abstract class HpkeContext : IDisposable
{
    private readonly LabeledHkdf _kdf;
    private readonly AeadCipher? _cipher;
    private readonly byte[] _baseNonce;
    private readonly byte[] _exporterSecret;
    private readonly UInt128 _messageLimit;
    private bool _disposed;

    private protected HpkeContext(HpkeSuite suite, LabeledHkdf kdf, AeadAlgorithm aead, ScheduledSecrets secrets)
    {
        Suite = suite;
        _kdf = kdf;
        _cipher = aead.CanEncrypt ? aead.CreateCipher(secrets.Key) : null;
        CryptographicOperations.ZeroMemory(secrets.Key);
        _baseNonce = secrets.BaseNonce;
        _exporterSecret = secrets.ExporterSecret;

        // (1 << (8 * Nn)) - 1: the sequence number must fit the nonce (RFC 9180 §5.2, IncrementSeq).
        _messageLimit = aead.NonceSize == 0 ? UInt128.Zero : (UInt128.One << (8 * aead.NonceSize)) - 1;
    }

    /// <summary>The suite the context was set up with.</summary>
    public HpkeSuite Suite { get; }

    /// <summary>The sequence number of the next message; tests move it near the limit.</summary>
    internal UInt128 SequenceNumber { get; set; }

    /// <summary>
    /// Export (RFC 9180 §5.3): <paramref name="length"/> bytes of secret bound to this context and
    /// <paramref name="exporterContext"/>; both ends derive the same bytes. Works with every AEAD, export-only included.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or above 255 × Nh of the KDF.</exception>
    /// <exception cref="ObjectDisposedException">The context was disposed.</exception>
    public byte[] Export(ReadOnlySpan<byte> exporterContext, int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _kdf.MaxExpandLength);
        return _kdf.LabeledExpand(_exporterSecret, "sec"u8, exporterContext, length);
    }

    /// <summary>Zeroes the nonce and exporter secret and releases the keyed cipher.</summary>
    public void Dispose()
    {
        _cipher?.Dispose();
        CryptographicOperations.ZeroMemory(_baseNonce);
        CryptographicOperations.ZeroMemory(_exporterSecret);
        _disposed = true;
    }

    /// <summary>ContextS.Seal: seals under the current nonce and moves to the next.</summary>
    private protected byte[] SealNext(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        var cipher = Cipher();
        var ciphertext = cipher.Seal(NextNonce(), aad, plaintext);
        SequenceNumber++;
        return ciphertext;
    }

    /// <summary>ContextR.Open: a message that does not open leaves the sequence number where it was (RFC 9180 §5.2).</summary>
    private protected byte[] OpenNext(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        var cipher = Cipher();
        var plaintext = cipher.Open(NextNonce(), aad, ciphertext);
        SequenceNumber++;
        return plaintext;
    }

    private AeadCipher Cipher()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _cipher ?? throw AeadAlgorithm.RefuseExportOnly();
    }

    private byte[] NextNonce()
    {
        // The RFC raises the limit after the last message; refusing before sealing is the same outcome
        // without computing a ciphertext that must be thrown away.
        if (SequenceNumber >= _messageLimit)
        {
            throw new HpkeMessageLimitException($"This context has sealed or opened its last message ({_messageLimit}); set up a new one.");
        }

        return ComputeNonce(SequenceNumber);
    }

    /// <summary>ComputeNonce (RFC 9180 §5.2): base_nonce XOR I2OSP(seq, Nn), so no two messages of a context share a nonce.</summary>
    internal byte[] ComputeNonce(UInt128 sequenceNumber)
    {
        Span<byte> sequence = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(sequence, sequenceNumber);
        var nonce = (byte[])_baseNonce.Clone();
        var offset = sequence.Length - nonce.Length;
        for (var i = 0; i < nonce.Length; i++)
        {
            nonce[i] ^= sequence[offset + i];
        }

        return nonce;
    }
}
