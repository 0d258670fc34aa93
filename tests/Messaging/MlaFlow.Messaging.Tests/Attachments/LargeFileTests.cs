using MlaFlow.Messaging.Attachments;
using static MlaFlow.Messaging.Tests.Attachments.AttachmentSamples;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>
/// A file far larger than anything the cipher may hold passes through in constant memory: what each direction
/// allocates is bounded by a few segments, not by the file. Measured, not timed.
/// </summary>
public sealed class LargeFileTests : IDisposable
{
    private const long Length = 256L * 1024 * 1024;

    // Two default segments of buffers, plus the pool's rounding up and a little bookkeeping; the file is 1000 times that.
    private const long AllocationBound = 1024 * 1024;

    private readonly string ciphertextPath = Path.Combine(Path.GetTempPath(), $"mlaflow-attachment-{Guid.NewGuid():N}.enc");

    [Fact]
    public async Task a_256_MiB_file_is_encrypted_and_decrypted_with_allocations_bounded_by_a_few_segments()
    {
        var source = new GeneratedPlaintextStream(Length);
        AttachmentSummary sealedSummary;
        long sealing;
        await using (var ciphertext = new SynchronousStream(File.Create(ciphertextPath)))
            (sealedSummary, sealing) = await AllocatedAsync(() => AttachmentCipher.EncryptAsync(source, ciphertext, FileKey, AssociatedData));

        var plaintext = new ExpectedPlaintextStream();
        AttachmentSummary openedSummary;
        long opening;
        await using (var ciphertext = new SynchronousStream(File.OpenRead(ciphertextPath)))
            (openedSummary, opening) = await AllocatedAsync(() => AttachmentCipher.DecryptAsync(ciphertext, plaintext, FileKey, AssociatedData));

        new FileInfo(ciphertextPath).Length.ShouldBe(new AttachmentLayout(Length, AttachmentFormat.DefaultSegmentSize).CiphertextLength);
        plaintext.Length.ShouldBe(Length);
        plaintext.FirstDifference.ShouldBeNull();
        openedSummary.ShouldBe(sealedSummary);
        sealing.ShouldBeLessThan(AllocationBound);
        opening.ShouldBeLessThan(AllocationBound);
    }

    public void Dispose() => File.Delete(ciphertextPath);

    private static async Task<(AttachmentSummary Summary, long Allocated)> AllocatedAsync(Func<Task<AttachmentSummary>> run)
    {
        // The generator's pattern (1 MiB) is built on first use: not by the cipher, so not inside the measure.
        GeneratedPlaintext.Fill(0, new byte[1]);
        var thread = Environment.CurrentManagedThreadId;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var summary = await run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // Every stream completes synchronously; were the work to move to another thread, the count would mean nothing.
        Environment.CurrentManagedThreadId.ShouldBe(thread);
        return (summary, allocated);
    }
}
