using MlaFlow.Messaging.Attachments;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>A file key, associated data, plaintexts, and in-memory encryption for tests of files that fit in memory.</summary>
internal static class AttachmentSamples
{
    /// <summary>The smallest segment allowed, so that files of a few KiB already span several segments.</summary>
    public const int SegmentSize = AttachmentFormat.MinSegmentSize;

    public static readonly byte[] FileKey = [.. Enumerable.Range(1, AttachmentFormat.FileKeyLength).Select(i => (byte)i)];

    public static readonly byte[] AssociatedData = "message 01JQ7Z3M5X/attachment 2"u8.ToArray();

    public static byte[] Plaintext(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static async Task<(byte[] Ciphertext, AttachmentSummary Summary)> EncryptAsync(
        byte[] plaintext, int segmentSize = SegmentSize, byte[]? fileKey = null, byte[]? associatedData = null)
    {
        using var ciphertext = new MemoryStream();
        var summary = await AttachmentCipher.EncryptAsync(
            new MemoryStream(plaintext), ciphertext, fileKey ?? FileKey, associatedData ?? AssociatedData, segmentSize);
        return (ciphertext.ToArray(), summary);
    }

    public static async Task<(byte[] Plaintext, AttachmentSummary Summary)> DecryptAsync(
        byte[] ciphertext, byte[]? fileKey = null, byte[]? associatedData = null)
    {
        using var plaintext = new MemoryStream();
        var summary = await AttachmentCipher.DecryptAsync(new MemoryStream(ciphertext), plaintext, fileKey ?? FileKey, associatedData ?? AssociatedData);
        return (plaintext.ToArray(), summary);
    }

    /// <summary>Decrypts what must be refused, returning the exception and the plaintext released before the failure.</summary>
    public static async Task<(AttachmentTamperedException Refusal, byte[] Released)> RefusalAsync(
        byte[] ciphertext, byte[]? fileKey = null, byte[]? associatedData = null)
    {
        using var plaintext = new MemoryStream();
        var refusal = await Should.ThrowAsync<AttachmentTamperedException>(() =>
            AttachmentCipher.DecryptAsync(new MemoryStream(ciphertext), plaintext, fileKey ?? FileKey, associatedData ?? AssociatedData));
        return (refusal, plaintext.ToArray());
    }
}
