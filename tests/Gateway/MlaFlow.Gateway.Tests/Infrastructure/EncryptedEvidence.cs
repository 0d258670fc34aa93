using System.Security.Cryptography;
using MlaFlow.Grains.Exchange;
using MlaFlow.Grains.Requests;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Files;
using NodaTime;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// An evidence file as the sending node's file store keeps it: random bytes encrypted under a key of their own and
/// bound to a new file id, cut into the header its envelope announces and the segments uploaded after it, so a test can
/// send any segment, or anything else, in any segment's place.
/// </summary>
internal sealed class EncryptedEvidence
{
    /// <summary>Three and a half segments: the last one short, as most files' is.</summary>
    public const int DefaultLength = 3 * AttachmentFormat.DefaultSegmentSize + AttachmentFormat.DefaultSegmentSize / 2;

    private readonly byte[] _key;
    private readonly byte[] _ciphertext;

    private EncryptedEvidence(string id, byte[] plaintext, byte[] key, byte[] ciphertext)
    {
        (Id, Plaintext, _key, _ciphertext) = (id, plaintext, key, ciphertext);
        Layout = new AttachmentLayout(plaintext.Length, AttachmentFormat.DefaultSegmentSize);
    }

    /// <summary>The file's id, on the sender's node and, once received, on the recipient's.</summary>
    public string Id { get; }

    public byte[] Plaintext { get; }

    /// <summary>The SHA-256 of <see cref="Plaintext"/>, lower-case hex, as requests record it.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Plaintext));

    public AttachmentLayout Layout { get; }

    public int SegmentCount => (int)Layout.SegmentCount;

    public byte[] Header => _ciphertext[..AttachmentFormat.HeaderLength];

    /// <summary>The segment at <paramref name="index"/>, ciphertext and tag, as the sender uploads it.</summary>
    public byte[] Segment(long index) => _ciphertext.AsSpan((int)Layout.SegmentOffset(index), Layout.SegmentLength(index)).ToArray();

    public static async Task<EncryptedEvidence> CreateAsync(int length = DefaultLength)
    {
        var id = EvidenceFileId.New();
        var plaintext = RandomNumberGenerator.GetBytes(length);
        var key = RandomNumberGenerator.GetBytes(AttachmentFormat.FileKeyLength);
        using var ciphertext = new MemoryStream();
        await AttachmentCipher.EncryptAsync(new MemoryStream(plaintext), ciphertext, key, EvidenceFileId.AssociatedData(id));
        return new EncryptedEvidence(id, plaintext, key, ciphertext.ToArray());
    }

    /// <summary>The file as CN-MOJ's envelope announces it: as its request records it, with its key and header.</summary>
    public ExchangeFile Announcement() => new(
        new EvidenceFile(Id, "bank-records.pdf", "application/pdf", Plaintext.Length, Sha256, AttachmentCategory.Evidence,
            SystemClock.Instance.GetCurrentInstant(), "officer:CN-MOJ:wang"),
        _key.ToArray(), Header);
}
