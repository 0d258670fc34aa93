using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Envelopes;

/// <summary>
/// What an envelope says of itself, in the clear: all a relay or hub needs to route it, and nothing of its content.
/// Its canonical encoding (<see cref="Encode"/>) is the AEAD's associated data and, with the ciphertext, what the
/// sender signs: changing any field (re-addressing it to another authority, moving it to another request,
/// swapping its <c>enc</c>) breaks both.
/// </summary>
/// <param name="Version">The format version, <see cref="CurrentVersion"/>.</param>
/// <param name="Suite">How it is sealed and signed.</param>
/// <param name="Sender">The sending central authority.</param>
/// <param name="SenderEncryptionKey">The sender's encryption key (HPKE auth mode authenticates it); none in the post-quantum suite (base mode).</param>
/// <param name="SenderSigningKey">The key the signature is made with (the classical one, Ed25519 in the post-quantum suite).</param>
/// <param name="Recipient">The one authority that can open it.</param>
/// <param name="RecipientKey">The recipient's encryption key it is sealed to.</param>
/// <param name="MessageId">Unique per message (<c>CN-MOJ-2026-000017/m3</c>): the receiver takes each once.</param>
/// <param name="RequestId">The sender's request the message belongs to.</param>
/// <param name="MessageType">What the message is (<c>request</c>, <c>finalResult</c>, …).</param>
/// <param name="CreatedAt">When it was sealed, to the millisecond (UTC); the receiver refuses it outside its window.</param>
/// <param name="Enc">HPKE's encapsulated key.</param>
/// <param name="SenderPostQuantumSigningKey">The post-quantum suite's second signing key (ML-DSA-65); none in the classical suites.</param>
public sealed record EnvelopeHeader(
    int Version,
    EnvelopeSuite Suite,
    AuthorityId Sender,
    KeyId? SenderEncryptionKey,
    KeyId SenderSigningKey,
    AuthorityId Recipient,
    KeyId RecipientKey,
    string MessageId,
    string RequestId,
    string MessageType,
    DateTimeOffset CreatedAt,
    ReadOnlyMemory<byte> Enc,
    KeyId? SenderPostQuantumSigningKey = null)
{
    public const int CurrentVersion = 1;

    /// <summary>The longest message id, request id or message type accepted.</summary>
    public const int MaxTextLength = 128;

    private static readonly byte[] Magic = "MLFE"u8.ToArray();

    /// <summary>
    /// The canonical bytes: the magic <c>MLFE</c>, the version, then every field in declaration order, each as a
    /// 16-bit big-endian length and its bytes (text in UTF-8, the time as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>). The suite,
    /// first, decides the sender's keys: the encryption and signing keys of a classical suite, the two signing keys of
    /// the post-quantum one. Lengths make the encoding unambiguous: no two headers encode alike.
    /// </summary>
    /// <exception cref="InvalidOperationException">The sender's keys are not those of the suite.</exception>
    public byte[] Encode()
    {
        var senderKeys = (Suite.IsPostQuantum, SenderEncryptionKey, SenderPostQuantumSigningKey) switch
        {
            (false, { } encryption, null) => [encryption.Value, SenderSigningKey.Value],
            (true, null, { } postQuantum) => new[] { SenderSigningKey.Value, postQuantum.Value },
            _ => throw new InvalidOperationException($"A {Suite} envelope names the sender's {(Suite.IsPostQuantum ? "two signing keys and no encryption key" : "encryption and signing keys")}."),
        };
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        buffer.WriteByte(checked((byte)Version));
        foreach (var text in (string[])
                 [
                     Suite.Name, Sender.Value, .. senderKeys, Recipient.Value, RecipientKey.Value,
                     MessageId, RequestId, MessageType, Timestamp(CreatedAt),
                 ])
        {
            Field(buffer, Encoding.UTF8.GetBytes(text));
        }

        Field(buffer, Enc.Span);
        return buffer.ToArray();
    }

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The time as the header (and a receipt) carries it: UTC, milliseconds.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a time written by <see cref="Timestamp"/>; anything else is refused.</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    private static void Field(Stream buffer, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)bytes.Length));
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
