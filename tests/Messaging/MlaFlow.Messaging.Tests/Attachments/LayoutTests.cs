using FsCheck;
using FsCheck.Fluent;
using MlaFlow.Messaging.Attachments;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>Ciphertext length and segment positions follow from the plaintext length and segment size alone, and back.</summary>
public sealed class LayoutTests
{
    [Fact]
    public void an_empty_file_is_a_header_and_one_tag()
    {
        var layout = new AttachmentLayout(0, 1024);

        layout.SegmentCount.ShouldBe(1);
        layout.CiphertextLength.ShouldBe(73 + 16);
        layout.SegmentLength(0).ShouldBe(16);
        layout.IsLast(0).ShouldBeTrue();
    }

    [Fact]
    public void segments_follow_the_header_each_a_segment_and_a_tag_long_but_the_last()
    {
        var layout = new AttachmentLayout(2500, 1024);

        layout.SegmentCount.ShouldBe(3);
        layout.CiphertextLength.ShouldBe(73 + 2500 + 3 * 16);
        layout.SegmentOffset(0).ShouldBe(73);
        layout.SegmentOffset(2).ShouldBe(73 + 2 * 1040);
        layout.SegmentLength(1).ShouldBe(1040);
        layout.SegmentLength(2).ShouldBe(452 + 16);
        layout.SegmentPlaintextLength(2).ShouldBe(452);
        layout.IsLast(1).ShouldBeFalse();
        layout.IsLast(2).ShouldBeTrue();
    }

    [Fact]
    public void the_layout_is_found_again_from_the_ciphertext_length()
    {
        var layouts =
            from segmentSize in Gen.Elements(AttachmentFormat.MinSegmentSize, 5000, AttachmentFormat.DefaultSegmentSize, AttachmentFormat.MaxSegmentSize)
            from length in Gen.Choose(0, int.MaxValue)
            from scale in Gen.Elements(1L, 1000L)
            select new AttachmentLayout(length * scale, segmentSize);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(layouts.ToArbitrary(), layout =>
            AttachmentLayout.FromCiphertextLength(layout.CiphertextLength, layout.SegmentSize) == layout));
    }

    [Theory]
    [InlineData(72)]
    [InlineData(73 + 15)]
    [InlineData(73 + 1040 + 1)]
    [InlineData(73 + 1040 + 16)]
    public void a_ciphertext_length_no_file_produces_has_no_layout(long ciphertextLength)
    {
        AttachmentLayout.TryFromCiphertextLength(ciphertextLength, 1024, out _).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => AttachmentLayout.FromCiphertextLength(ciphertextLength, 1024));
    }

    [Fact]
    public void a_file_may_have_up_to_2_to_the_32_segments()
    {
        var largest = new AttachmentLayout(AttachmentFormat.MaxSegmentCount * 1024, 1024);

        largest.SegmentCount.ShouldBe(1L << 32);
        largest.IsLast((1L << 32) - 1).ShouldBeTrue();
        Should.Throw<ArgumentOutOfRangeException>(() => new AttachmentLayout(AttachmentFormat.MaxSegmentCount * 1024 + 1, 1024));
    }
}
