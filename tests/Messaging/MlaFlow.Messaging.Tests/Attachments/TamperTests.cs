using MlaFlow.Messaging.Attachments;
using static MlaFlow.Messaging.Tests.Attachments.AttachmentSamples;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>
/// Every way of altering an encrypted attachment is refused with the precise reason (docs/messaging.md, "Attachments",
/// what each attack changes). The sample file has five segments: four full ones and a last of half a segment.
/// </summary>
public sealed class TamperTests
{
    private const int Length = 4 * SegmentSize + SegmentSize / 2;

    private static readonly byte[] Original = Plaintext(Length);

    private static readonly Lazy<byte[]> Ciphertext = new(() => EncryptAsync(Original).GetAwaiter().GetResult().Ciphertext);

    private static CiphertextSurgery Surgery => new(Ciphertext.Value);

    [Fact]
    public async Task a_dropped_segment_is_refused_where_it_is_missing()
    {
        var (refusal, released) = await RefusalAsync(Surgery.WithSegments(0, 1, 3, 4));

        refusal.Reason.ShouldBe(AttachmentTamperReason.SegmentNotAuthentic);
        refusal.Message.ShouldBe("Segment 2 does not authenticate.");
        refusal.SegmentIndex.ShouldBe(2);
        released.ShouldBe(Original[..(2 * SegmentSize)]);
    }

    [Fact]
    public async Task a_duplicated_segment_is_refused_at_the_copy()
    {
        var (refusal, _) = await RefusalAsync(Surgery.WithSegments(0, 1, 1, 2, 3, 4));

        refusal.Reason.ShouldBe(AttachmentTamperReason.SegmentNotAuthentic);
        refusal.Message.ShouldBe("Segment 2 does not authenticate.");
    }

    [Fact]
    public async Task two_swapped_segments_are_refused_at_the_first_of_them()
    {
        var (refusal, released) = await RefusalAsync(Surgery.WithSegments(0, 2, 1, 3, 4));

        refusal.Message.ShouldBe("Segment 1 does not authenticate.");
        released.ShouldBe(Original[..SegmentSize]);
    }

    [Fact]
    public async Task the_last_segment_moved_forward_is_refused_where_it_lands()
    {
        var (refusal, _) = await RefusalAsync(Surgery.WithSegments(0, 1, 2, 4, 3));

        refusal.Message.ShouldBe("Segment 3 does not authenticate.");
    }

    [Fact]
    public async Task a_segment_from_another_file_under_the_same_key_is_refused()
    {
        var other = new CiphertextSurgery((await EncryptAsync(Plaintext(Length, seed: 8))).Ciphertext);
        byte[] spliced = [.. Surgery.WithSegments(0, 1), .. other.Segment(2), .. Surgery.Segment(3), .. Surgery.Segment(4)];

        (await RefusalAsync(spliced)).Refusal.Message.ShouldBe("Segment 2 does not authenticate.");
    }

    [Fact]
    public async Task a_stream_cut_after_a_segment_that_is_not_the_last_is_truncated()
    {
        var (refusal, released) = await RefusalAsync(Surgery.WithSegments(0, 1, 2, 3));

        refusal.Reason.ShouldBe(AttachmentTamperReason.EndsBeforeLastSegment);
        refusal.Message.ShouldBe("The stream ends before the last segment: segment 3 authenticates but is not the last, and segment 4 is missing.");
        refusal.SegmentIndex.ShouldBe(4);
        released.ShouldBe(Original[..(3 * SegmentSize)]);
    }

    [Fact]
    public async Task a_stream_with_the_header_only_is_truncated()
    {
        var (refusal, _) = await RefusalAsync(Surgery.Header);

        refusal.Reason.ShouldBe(AttachmentTamperReason.EndsBeforeLastSegment);
        refusal.Message.ShouldBe("The stream ends before the last segment: no segment follows the header.");
    }

    [Fact]
    public async Task a_stream_cut_inside_a_segment_is_refused_at_that_segment()
    {
        var (refusal, released) = await RefusalAsync(Surgery.CutTo(Surgery.SegmentOffset(2) + 500));

        refusal.Reason.ShouldBe(AttachmentTamperReason.SegmentNotAuthentic);
        refusal.Message.ShouldBe("Segment 2 does not authenticate as the last segment: it was altered, cut short, or has bytes appended.");
        released.ShouldBe(Original[..(2 * SegmentSize)]);
    }

    [Fact]
    public async Task a_stream_cut_inside_a_segment_before_a_whole_tag_ends_inside_it()
    {
        var (refusal, _) = await RefusalAsync(Surgery.CutTo(Surgery.SegmentOffset(4) + 10));

        refusal.Reason.ShouldBe(AttachmentTamperReason.EndsInsideSegment);
        refusal.Message.ShouldBe("The stream ends inside segment 4: 10 bytes, fewer than its 16-byte tag.");
    }

    [Fact]
    public async Task bytes_after_a_full_last_segment_are_data_after_the_last_segment()
    {
        var plaintext = Plaintext(4 * SegmentSize);
        var surgery = new CiphertextSurgery((await EncryptAsync(plaintext)).Ciphertext);

        var (refusal, released) = await RefusalAsync(surgery.WithAppended(0));

        refusal.Reason.ShouldBe(AttachmentTamperReason.DataAfterLastSegment);
        refusal.Message.ShouldBe("Data after the last segment: segment 3 authenticates as the last, yet more bytes follow.");
        released.ShouldBe(plaintext[..(3 * SegmentSize)]);
    }

    [Fact]
    public async Task a_whole_segment_appended_after_the_last_is_data_after_the_last_segment()
    {
        var surgery = new CiphertextSurgery((await EncryptAsync(Plaintext(2 * SegmentSize))).Ciphertext);

        (await RefusalAsync(surgery.WithSegments(0, 1, 0))).Refusal.Reason.ShouldBe(AttachmentTamperReason.DataAfterLastSegment);
    }

    [Fact]
    public async Task bytes_after_a_short_last_segment_make_it_fail_as_the_last_segment()
    {
        // Without the true length of the last segment, extension cannot be told from alteration; the message names both.
        var (refusal, _) = await RefusalAsync(Surgery.WithAppended(1, 2, 3));

        refusal.Reason.ShouldBe(AttachmentTamperReason.SegmentNotAuthentic);
        refusal.Message.ShouldBe("Segment 4 does not authenticate as the last segment: it was altered, cut short, or has bytes appended.");
    }

    [Fact]
    public async Task a_wrong_file_key_fails_at_the_header_before_any_plaintext()
    {
        var wrongKey = FileKey.ToArray();
        wrongKey[0] ^= 1;

        var (refusal, released) = await RefusalAsync(Ciphertext.Value, fileKey: wrongKey);

        refusal.Reason.ShouldBe(AttachmentTamperReason.HeaderNotAuthentic);
        refusal.Message.ShouldBe("The header does not authenticate: the file key or the associated data is not the sender's, or the header was altered.");
        refusal.SegmentIndex.ShouldBeNull();
        released.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_file_moved_to_another_message_fails_at_the_header()
    {
        var (refusal, released) = await RefusalAsync(Ciphertext.Value, associatedData: "message 01JQ7Z3M5Y/attachment 2"u8.ToArray());

        refusal.Reason.ShouldBe(AttachmentTamperReason.HeaderNotAuthentic);
        released.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_changed_magic_is_not_an_attachment()
    {
        var (refusal, _) = await RefusalAsync(Surgery.WithBitFlipped(0));

        refusal.Reason.ShouldBe(AttachmentTamperReason.NotAnAttachment);
        refusal.Message.ShouldBe("Not an MlaFlow attachment: the stream does not start with the magic bytes MLFA.");
    }

    [Fact]
    public async Task a_changed_version_is_unknown()
    {
        var (refusal, _) = await RefusalAsync(Surgery.WithByte(4, 9));

        refusal.Reason.ShouldBe(AttachmentTamperReason.UnknownVersion);
        refusal.Message.ShouldBe("Header version 9 unknown: this build reads version 1.");
    }

    [Fact]
    public async Task a_changed_segment_size_within_bounds_fails_the_header_tag()
    {
        // 1024 becomes 1025: a size the format allows, so only the tag can tell.
        (await RefusalAsync(Surgery.WithBitFlipped(8))).Refusal.Reason.ShouldBe(AttachmentTamperReason.HeaderNotAuthentic);
    }

    [Fact]
    public async Task a_segment_size_out_of_bounds_is_refused_before_any_buffer_is_sized_by_it()
    {
        var (refusal, _) = await RefusalAsync(Surgery.WithByte(5, 0x80));

        refusal.Reason.ShouldBe(AttachmentTamperReason.SegmentSizeOutOfRange);
        refusal.Message.ShouldBe("Header segment size 2147484672 is outside 1024..1048576 bytes.");
    }

    [Theory]
    [InlineData(9, "salt, first byte")]
    [InlineData(40, "salt, last byte")]
    [InlineData(41, "header tag, first byte")]
    [InlineData(72, "header tag, last byte")]
    public async Task a_bit_flipped_in_the_salt_or_the_header_tag_fails_the_header_tag(int offset, string where)
    {
        var (refusal, released) = await RefusalAsync(Surgery.WithBitFlipped(offset, bit: 7));

        refusal.Reason.ShouldBe(AttachmentTamperReason.HeaderNotAuthentic, where);
        released.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0, 0, "Segment 0 does not authenticate.")]
    [InlineData(0, SegmentSize - 1, "Segment 0 does not authenticate.")]
    [InlineData(0, SegmentSize, "Segment 0 does not authenticate.")]
    [InlineData(2, 300, "Segment 2 does not authenticate.")]
    [InlineData(3, SegmentSize + 15, "Segment 3 does not authenticate.")]
    [InlineData(4, 0, "Segment 4 does not authenticate as the last segment: it was altered, cut short, or has bytes appended.")]
    [InlineData(4, SegmentSize / 2 + 15, "Segment 4 does not authenticate as the last segment: it was altered, cut short, or has bytes appended.")]
    public async Task a_bit_flipped_in_a_segments_ciphertext_or_tag_fails_that_segment(int segment, int offsetInSegment, string message)
    {
        var (refusal, released) = await RefusalAsync(Surgery.WithBitFlipped(Surgery.SegmentOffset(segment) + offsetInSegment, bit: 3));

        refusal.Reason.ShouldBe(AttachmentTamperReason.SegmentNotAuthentic);
        refusal.SegmentIndex.ShouldBe(segment);
        refusal.Message.ShouldBe(message);
        released.ShouldBe(Original[..(segment * SegmentSize)]);
    }

    [Theory]
    [InlineData(0, "The stream is empty: it ends before the header.")]
    [InlineData(3, "The stream ends inside the header (3 of 73 bytes).")]
    [InlineData(72, "The stream ends inside the header (72 of 73 bytes).")]
    public async Task a_stream_cut_inside_the_header_is_refused(int length, string message)
    {
        var (refusal, _) = await RefusalAsync(Surgery.CutTo(length));

        refusal.Reason.ShouldBe(AttachmentTamperReason.HeaderTruncated);
        refusal.Message.ShouldBe(message);
    }

    [Fact]
    public async Task something_else_entirely_is_not_an_attachment() =>
        (await RefusalAsync("%PDF-1.7\n"u8.ToArray())).Refusal.Reason.ShouldBe(AttachmentTamperReason.NotAnAttachment);
}
