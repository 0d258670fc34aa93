using MlaFlow.Messaging.Attachments;
using static MlaFlow.Messaging.Tests.Attachments.AttachmentSamples;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>A receiver's decrypted file appears under its name only once the whole attachment has authenticated.</summary>
public sealed class DecryptToFileTests : IDisposable
{
    private static readonly byte[] Original = Plaintext(3 * SegmentSize + 10);

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("mlaflow-attachments-");

    private string Destination => Path.Combine(directory.FullName, "evidence.pdf");

    [Fact]
    public async Task an_authentic_attachment_becomes_the_file_and_nothing_else_is_left()
    {
        var (ciphertext, sealedSummary) = await EncryptAsync(Original);

        var summary = await AttachmentCipher.DecryptToFileAsync(new MemoryStream(ciphertext), Destination, FileKey, AssociatedData);

        summary.ShouldBe(sealedSummary);
        (await File.ReadAllBytesAsync(Destination)).ShouldBe(Original);
        directory.GetFiles().Select(f => f.Name).ShouldBe(["evidence.pdf"]);
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(Destination).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task a_tampered_attachment_leaves_no_file_not_even_the_authentic_segments_before_the_fault()
    {
        var (ciphertext, _) = await EncryptAsync(Original);
        var tampered = new CiphertextSurgery(ciphertext).WithSegments(0, 1, 2);

        var refusal = await Should.ThrowAsync<AttachmentTamperedException>(() =>
            AttachmentCipher.DecryptToFileAsync(new MemoryStream(tampered), Destination, FileKey, AssociatedData));

        refusal.Reason.ShouldBe(AttachmentTamperReason.EndsBeforeLastSegment);
        directory.GetFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task an_existing_file_is_never_replaced()
    {
        await File.WriteAllTextAsync(Destination, "already here");
        var (ciphertext, _) = await EncryptAsync(Original);

        await Should.ThrowAsync<IOException>(() =>
            AttachmentCipher.DecryptToFileAsync(new MemoryStream(ciphertext), Destination, FileKey, AssociatedData));

        (await File.ReadAllTextAsync(Destination)).ShouldBe("already here");
        directory.GetFiles().Length.ShouldBe(1);
    }

    public void Dispose() => directory.Delete(recursive: true);
}
