using MlaFlow.Messaging.Attachments;
using static MlaFlow.Messaging.Tests.Attachments.AttachmentSamples;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>
/// Segments moved one at a time (resumable transfers) are verified and decrypted on their own, at the position the
/// layout of the declared plaintext length gives them.
/// </summary>
public sealed class SegmentOpenerTests
{
    private const int Length = 3 * SegmentSize + 100;

    private static readonly byte[] Original = Plaintext(Length);

    private static readonly byte[] Ciphertext = EncryptAsync(Original).GetAwaiter().GetResult().Ciphertext;

    private static readonly AttachmentLayout Layout = new(Length, SegmentSize);

    [Fact]
    public void every_segment_decrypts_on_its_own_to_its_part_of_the_file()
    {
        using var opener = AttachmentSegmentOpener.Create(Ciphertext, FileKey, AssociatedData);
        var plaintext = new byte[Length];

        for (var index = 0L; index < Layout.SegmentCount; index++)
        {
            var written = opener.Decrypt(index, Layout.IsLast(index), Segment(index), plaintext.AsSpan((int)index * SegmentSize));
            written.ShouldBe(Layout.SegmentPlaintextLength(index));
        }

        plaintext.ShouldBe(Original);
    }

    [Fact]
    public void a_transfer_resumes_after_the_last_acknowledged_segment()
    {
        using var opener = AttachmentSegmentOpener.Create(Ciphertext.AsSpan(0, AttachmentFormat.HeaderLength), FileKey, AssociatedData);
        opener.Verify(0, false, Segment(0));
        opener.Verify(1, false, Segment(1));
        const long lastAcknowledged = 1;

        var resumeAt = Layout.SegmentOffset(lastAcknowledged + 1);
        var rest = Ciphertext.AsSpan((int)resumeAt);

        rest.Length.ShouldBe(Layout.SegmentLength(2) + Layout.SegmentLength(3));
        opener.Verify(2, false, rest[..Layout.SegmentLength(2)]);
        opener.Verify(3, true, rest[Layout.SegmentLength(2)..]);
    }

    [Fact]
    public void a_segment_offered_at_another_index_is_refused()
    {
        using var opener = AttachmentSegmentOpener.Create(Ciphertext, FileKey, AssociatedData);

        var refusal = Should.Throw<AttachmentTamperedException>(() => opener.Verify(2, false, Segment(1)));

        refusal.Reason.ShouldBe(AttachmentTamperReason.SegmentNotAuthentic);
        refusal.Message.ShouldBe("Segment 2 does not authenticate.");
    }

    [Fact]
    public void a_segment_that_is_not_the_last_offered_as_the_last_means_the_file_goes_on()
    {
        using var opener = AttachmentSegmentOpener.Create(Ciphertext, FileKey, AssociatedData);

        var refusal = Should.Throw<AttachmentTamperedException>(() => opener.Verify(1, true, Segment(1)));

        refusal.Reason.ShouldBe(AttachmentTamperReason.EndsBeforeLastSegment);
    }

    [Fact]
    public void a_segment_whose_length_does_not_fit_its_position_is_refused_before_decryption()
    {
        using var opener = AttachmentSegmentOpener.Create(Ciphertext, FileKey, AssociatedData);

        var shortFull = Should.Throw<AttachmentTamperedException>(() => opener.Verify(0, false, Segment(0)[..^1]));
        var noTag = Should.Throw<AttachmentTamperedException>(() => opener.Verify(3, true, new byte[15]));

        shortFull.Reason.ShouldBe(AttachmentTamperReason.SegmentLengthInvalid);
        shortFull.Message.ShouldBe("Segment 0 has 1039 bytes; a segment that is not the last has exactly 1040.");
        noTag.Message.ShouldBe("Segment 3 has 15 bytes; the last segment has 16 to 1040.");
    }

    [Fact]
    public void the_header_is_checked_against_the_key_and_associated_data_first()
    {
        var refusal = Should.Throw<AttachmentTamperedException>(() =>
            AttachmentSegmentOpener.Create(Ciphertext, FileKey, "another message"u8));

        refusal.Reason.ShouldBe(AttachmentTamperReason.HeaderNotAuthentic);
    }

    [Fact]
    public void a_segment_index_beyond_the_32_bit_counter_is_refused()
    {
        using var opener = AttachmentSegmentOpener.Create(Ciphertext, FileKey, AssociatedData);

        Should.Throw<ArgumentOutOfRangeException>(() => opener.Verify(AttachmentFormat.MaxSegmentCount, true, Segment(3)));
    }

    private static byte[] Segment(long index) => Ciphertext.AsSpan((int)Layout.SegmentOffset(index), Layout.SegmentLength(index)).ToArray();
}
