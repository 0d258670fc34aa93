using System.Buffers.Binary;
using System.Text;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// The receiving authority's signed answer to an envelope, kept with the sender's request as evidence of
/// acceptance or rejection (as e-CODEX keeps its acceptance evidence). Signed by the recipient, so the sender can
/// show the recipient took the message, and a relay cannot forge an acceptance.
/// </summary>
/// <param name="Issuer">The authority the envelope was addressed to, which answers.</param>
/// <param name="SigningKey">The issuer's signing key the receipt is signed with.</param>
/// <param name="Sender">The authority that sent the envelope.</param>
/// <param name="MessageId">The message answered.</param>
/// <param name="Status">Accepted or rejected.</param>
/// <param name="Reason">For a rejection, why (<see cref="EnvelopeRefusal"/>'s name, camelCase).</param>
/// <param name="Detail">For a rejection, what exactly was wrong; no key material or content.</param>
/// <param name="RequestId">The issuer's copy of the request the message went to, when known.</param>
/// <param name="At">When the issuer answered (UTC, milliseconds).</param>
/// <param name="PostQuantumSigningKey">
/// The issuer's ML-DSA-65 key that signs the receipt too, when the issuer holds one: a receipt kept as evidence then stays
/// unforgeable after Ed25519 falls. Null for an issuer with classical keys only.
/// </param>
public sealed record Receipt(
    AuthorityId Issuer,
    KeyId SigningKey,
    AuthorityId Sender,
    string MessageId,
    ReceiptStatus Status,
    string? Reason,
    string? Detail,
    string? RequestId,
    DateTimeOffset At,
    KeyId? PostQuantumSigningKey = null)
{
    private static readonly byte[] Context = "MlaFlow receipt v1\0"u8.ToArray();

    /// <summary>
    /// What the issuer signs, with each of its keys: a context string, then every field as a 16-bit big-endian length and its
    /// UTF-8 bytes (absent fields empty), the post-quantum signing key last and only when there is one.
    /// </summary>
    public byte[] SignedBytes()
    {
        using var buffer = new MemoryStream();
        buffer.Write(Context);
        Span<byte> length = stackalloc byte[2];
        foreach (var text in new[]
                 {
                     Issuer.Value, SigningKey.Value, Sender.Value, MessageId, Status.ToString(), Reason ?? "", Detail ?? "", RequestId ?? "",
                     EnvelopeHeader.Timestamp(At),
                 }.Concat(PostQuantumSigningKey is { } postQuantum ? [postQuantum.Value] : []))
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)bytes.Length));
            buffer.Write(length);
            buffer.Write(bytes);
        }

        return buffer.ToArray();
    }
}
