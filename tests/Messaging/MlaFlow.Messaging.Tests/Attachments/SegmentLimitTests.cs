using MlaFlow.Messaging.Attachments;
using static MlaFlow.Messaging.Tests.Attachments.AttachmentSamples;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>
/// Nonces number at most 2^32 segments; neither direction goes past the limit. The limit is lowered here to 3 so a few
/// KiB reach it: the code paths are those of the real 2^32.
/// </summary>
public sealed class SegmentLimitTests
{
    private const long Limit = 3;

    [Fact]
    public async Task encryption_refuses_a_plaintext_longer_than_the_segments_it_may_number()
    {
        await SealAsync(3 * SegmentSize);

        var refusal = await Should.ThrowAsync<ArgumentException>(() => SealAsync(3 * SegmentSize + 1));

        refusal.Message.ShouldStartWith("The plaintext is longer than 3 segments of 1024 bytes");
    }

    [Fact]
    public async Task decryption_refuses_a_stream_that_goes_on_past_the_last_segment_number()
    {
        var (threeSegments, _) = await EncryptAsync(Plaintext(3 * SegmentSize));
        var (fourSegments, _) = await EncryptAsync(Plaintext(3 * SegmentSize + 1));

        await OpenAsync(threeSegments);
        var refusal = await Should.ThrowAsync<AttachmentTamperedException>(() => OpenAsync(fourSegments));

        refusal.Reason.ShouldBe(AttachmentTamperReason.TooManySegments);
        refusal.Message.ShouldBe("The stream goes on past 3 segments, more than any sender can produce.");
    }

    private static Task<AttachmentSummary> SealAsync(int length) =>
        StreamSealer.SealAsync(
            new MemoryStream(Plaintext(length)), Stream.Null, FileKey, AssociatedData, SegmentSize, new byte[AttachmentFormat.SaltLength], Limit,
            CancellationToken.None);

    private static Task<AttachmentSummary> OpenAsync(byte[] ciphertext) =>
        StreamOpener.OpenAsync(new MemoryStream(ciphertext), Stream.Null, FileKey, AssociatedData, Limit, CancellationToken.None);
}
