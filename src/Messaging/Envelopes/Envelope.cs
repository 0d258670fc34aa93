using System.Buffers.Binary;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>A sealed, signed message from one central authority to another (docs/messaging.md, "Envelopes").</summary>
/// <param name="Header">Routing metadata, in the clear but authenticated.</param>
/// <param name="Ciphertext">The payload, sealed with HPKE to the recipient; the header is its associated data.</param>
/// <param name="Signature">The sender's signature over <see cref="SignedBytes"/>.</param>
/// <param name="PostQuantumSignature">In the post-quantum suite, the sender's ML-DSA-65 signature over the same bytes; empty otherwise.</param>
public sealed record Envelope(EnvelopeHeader Header, ReadOnlyMemory<byte> Ciphertext, ReadOnlyMemory<byte> Signature, ReadOnlyMemory<byte> PostQuantumSignature = default)
{
    /// <summary>The largest payload ciphertext an envelope carries; files travel as attachments, in segments.</summary>
    public const int MaxCiphertextLength = 4 * 1024 * 1024;

    private static readonly byte[] Context = "MlaFlow envelope signature v1\0"u8.ToArray();

    /// <summary>
    /// What the sender signs (with both keys in the post-quantum suite): a context string, then the encoded header and the
    /// ciphertext, each behind its 32-bit big-endian length. The recipient is in the header, so a signed message cannot be
    /// re-addressed; the suite and both signing keys are too, so neither signature can be stripped to pass as a classical envelope.
    /// </summary>
    public static byte[] SignedBytes(EnvelopeHeader header, ReadOnlySpan<byte> ciphertext)
    {
        var encoded = header.Encode();
        var bytes = new byte[Context.Length + 4 + encoded.Length + 4 + ciphertext.Length];
        var span = bytes.AsSpan();
        Context.CopyTo(span);
        span = span[Context.Length..];
        BinaryPrimitives.WriteInt32BigEndian(span, encoded.Length);
        encoded.CopyTo(span[4..]);
        span = span[(4 + encoded.Length)..];
        BinaryPrimitives.WriteInt32BigEndian(span, ciphertext.Length);
        ciphertext.CopyTo(span[4..]);
        return bytes;
    }
}
