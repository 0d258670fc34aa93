using System.Buffers.Binary;
using System.Security.Cryptography;
using MlaFlow.Messaging.Attachments;
using static MlaFlow.Messaging.Tests.Attachments.AttachmentSamples;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>
/// The bytes are those docs/messaging.md ("Attachments") describes: read here with nothing but the BCL's HKDF, HMAC and
/// AES-GCM, following the document, not the implementation. A pinned known answer keeps version 1 from drifting.
/// </summary>
public sealed class FormatTests
{
    [Fact]
    public async Task an_attachment_reads_as_documented_with_the_bcl_primitives_alone()
    {
        var plaintext = Plaintext(2500);
        var (ciphertext, _) = await EncryptAsync(plaintext);

        ciphertext[..4].ShouldBe("MLFA"u8.ToArray());
        ciphertext[4].ShouldBe((byte)1);
        BinaryPrimitives.ReadUInt32BigEndian(ciphertext.AsSpan(5)).ShouldBe(1024u);
        var salt = ciphertext[9..41];

        var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, FileKey, 71, salt, [.. "MlaFlow attachment v1"u8, .. ciphertext[..9]]);
        var (segmentKey, headerKey, noncePrefix) = (derived[..32], derived[32..64], derived[64..]);

        HMACSHA256.HashData(headerKey, (byte[])[.. ciphertext[..41], .. AssociatedData]).ShouldBe(ciphertext[41..73]);

        using var aes = new AesGcm(segmentKey, 16);
        (uint Index, int Length, bool Last)[] segments = [(0, 1024, false), (1, 1024, false), (2, 452, true)];
        var offset = 73;
        var decrypted = new List<byte>();
        foreach (var (index, length, last) in segments)
        {
            byte[] nonce = [.. noncePrefix, (byte)(index >> 24), (byte)(index >> 16), (byte)(index >> 8), (byte)index, last ? (byte)1 : (byte)0];
            var clear = new byte[length];
            aes.Decrypt(nonce, ciphertext.AsSpan(offset, length), ciphertext.AsSpan(offset + length, 16), clear, AssociatedData);
            decrypted.AddRange(clear);
            offset += length + 16;
        }

        offset.ShouldBe(ciphertext.Length);
        decrypted.ShouldBe(plaintext);
    }

    [Fact]
    public async Task version_1_produces_the_same_bytes_for_the_same_key_salt_associated_data_and_plaintext()
    {
        using var ciphertext = new MemoryStream();
        byte[] salt = [.. Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i))];
        var plaintext = new byte[2500];
        GeneratedPlaintext.Fill(0, plaintext);

        await StreamSealer.SealAsync(
            new MemoryStream(plaintext), ciphertext, FileKey, AssociatedData, SegmentSize, salt, AttachmentFormat.MaxSegmentCount,
            CancellationToken.None);

        Convert.ToHexStringLower(SHA256.HashData(ciphertext.ToArray())).ShouldBe("90bb966454014854e9f6f9e726b6af9ea0e3710e74626f8dfb187fe5fb330fdd");
    }
}
