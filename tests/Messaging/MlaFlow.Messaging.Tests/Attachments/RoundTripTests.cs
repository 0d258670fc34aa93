using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using MlaFlow.Messaging.Attachments;
using static MlaFlow.Messaging.Tests.Attachments.AttachmentSamples;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>Whatever its size, a file decrypts to itself and both directions report the SHA-256 of its plaintext (docs/messaging.md, "Attachments").</summary>
public sealed class RoundTripTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(SegmentSize - 1)]
    [InlineData(SegmentSize)]
    [InlineData(SegmentSize + 1)]
    [InlineData(2 * SegmentSize)]
    [InlineData(5 * SegmentSize + 123)]
    public async Task a_file_decrypts_to_itself_with_the_sha256_of_its_plaintext(int length)
    {
        var plaintext = Plaintext(length);

        var (ciphertext, sealedSummary) = await EncryptAsync(plaintext);
        var (decrypted, openedSummary) = await DecryptAsync(ciphertext);

        decrypted.ShouldBe(plaintext);
        sealedSummary.PlaintextSha256.ShouldBe(Sha256Digest.Of(plaintext));
        sealedSummary.PlaintextSha256.ToString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(plaintext)));
        openedSummary.ShouldBe(sealedSummary);
        sealedSummary.PlaintextLength.ShouldBe(length);
        sealedSummary.CiphertextLength.ShouldBe(ciphertext.Length);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(SegmentSize, 1)]
    [InlineData(SegmentSize + 1, 2)]
    [InlineData(3 * SegmentSize, 3)]
    public async Task a_file_takes_one_segment_per_segment_size_begun_and_an_empty_file_one_empty_segment(int length, int segments)
    {
        var (ciphertext, summary) = await EncryptAsync(Plaintext(length));

        summary.Layout.SegmentCount.ShouldBe(segments);
        ciphertext.Length.ShouldBe(AttachmentFormat.HeaderLength + length + segments * AttachmentFormat.TagLength);
    }

    [Fact]
    public void files_of_any_size_and_segment_size_decrypt_to_themselves()
    {
        var cases =
            from segmentSize in Gen.Elements(SegmentSize, 1500, 4096)
            from length in Gen.Choose(0, 6 * segmentSize)
            from seed in Gen.Choose(0, int.MaxValue)
            select (segmentSize, length, seed);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var plaintext = Plaintext(c.length, c.seed);
            var (ciphertext, sealedSummary) = EncryptAsync(plaintext, c.segmentSize).GetAwaiter().GetResult();
            var (decrypted, openedSummary) = DecryptAsync(ciphertext).GetAwaiter().GetResult();
            return decrypted.AsSpan().SequenceEqual(plaintext)
                && sealedSummary.PlaintextSha256.Equals(Sha256Digest.Of(plaintext))
                && openedSummary == sealedSummary
                && ciphertext.Length == new AttachmentLayout(c.length, c.segmentSize).CiphertextLength;
        }));
    }

    [Fact]
    public async Task the_segment_size_is_recorded_in_the_header_and_64_KiB_unless_chosen()
    {
        using var ciphertext = new MemoryStream();
        await AttachmentCipher.EncryptAsync(new MemoryStream(Plaintext(100_000)), ciphertext, FileKey, AssociatedData);

        AttachmentHeader.Parse(ciphertext.ToArray()).SegmentSize.ShouldBe(64 * 1024);
        AttachmentHeader.Parse((await EncryptAsync(Plaintext(10), 4096)).Ciphertext).SegmentSize.ShouldBe(4096);
    }

    [Fact]
    public async Task the_same_file_encrypts_differently_each_time_because_each_gets_a_fresh_salt()
    {
        var plaintext = Plaintext(3000);

        var first = (await EncryptAsync(plaintext)).Ciphertext;
        var second = (await EncryptAsync(plaintext)).Ciphertext;

        first.ShouldNotBe(second);
        AttachmentHeader.Parse(first).Salt.ToArray().ShouldNotBe(AttachmentHeader.Parse(second).Salt.ToArray());
    }

    [Fact]
    public async Task associated_data_may_be_empty()
    {
        var plaintext = Plaintext(2000);

        var (ciphertext, _) = await EncryptAsync(plaintext, associatedData: []);

        (await DecryptAsync(ciphertext, associatedData: [])).Plaintext.ShouldBe(plaintext);
    }

    [Theory]
    [InlineData(AttachmentFormat.MinSegmentSize - 1)]
    [InlineData(AttachmentFormat.MaxSegmentSize + 1)]
    public async Task a_segment_size_out_of_bounds_is_refused(int segmentSize) =>
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => EncryptAsync(Plaintext(10), segmentSize));

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public async Task a_file_key_is_32_bytes(int length)
    {
        var encrypting = await Should.ThrowAsync<ArgumentException>(() => EncryptAsync(Plaintext(10), fileKey: new byte[length]));
        var decrypting = await Should.ThrowAsync<ArgumentException>(() => DecryptAsync(new byte[100], fileKey: new byte[length]));

        encrypting.ParamName.ShouldBe("fileKey");
        decrypting.Message.ShouldStartWith($"A file key has 32 bytes, not {length}.");
    }
}
