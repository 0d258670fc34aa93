using System.Diagnostics;
using System.Security.Cryptography;
using MlaFlow.Messaging.Attachments;

namespace MlaFlow.Bench;

/// <summary>
/// One evidence file of <see cref="BenchOptions.AttachmentLength"/> bytes through <see cref="AttachmentCipher"/> with its
/// default segment size: encrypted to nowhere (the crypto alone), encrypted to a temporary file, and decrypted from that
/// file to nowhere. Each is timed over a single pass, after a small untimed round trip that warms the JIT. Rates are
/// plaintext bytes per second.
/// </summary>
internal static class AttachmentWork
{
    private const long WarmUpLength = 16L << 20;

    private static readonly byte[] AssociatedData = "message 1, attachment 1"u8.ToArray();

    /// <summary>Encrypts the generated file into <see cref="Stream.Null"/>: no disk, only the generator's copying.</summary>
    public static async Task<double> EncryptToNullAsync(BenchContext context)
    {
        await WarmUpAsync(context.Cancellation).ConfigureAwait(false);
        using var plaintext = new PatternStream(context.Options.AttachmentLength);
        var stopwatch = Stopwatch.StartNew();
        var summary = await AttachmentCipher.EncryptAsync(
            plaintext, Stream.Null, context.Scratch.FileKey, AssociatedData, context.Cancellation)
            .ConfigureAwait(false);
        return Rate(summary, context.Options.AttachmentLength, stopwatch.Elapsed);
    }

    /// <summary>Encrypts the generated file into the scratch file, flushed to the operating system (not to the disk).</summary>
    public static async Task<double> EncryptToFileAsync(BenchContext context)
    {
        await WarmUpAsync(context.Cancellation).ConfigureAwait(false);
        var file = context.Scratch.Rewind();
        using var plaintext = new PatternStream(context.Options.AttachmentLength);
        var stopwatch = Stopwatch.StartNew();
        var summary = await AttachmentCipher.EncryptAsync(
            plaintext, file, context.Scratch.FileKey, AssociatedData, context.Cancellation)
            .ConfigureAwait(false);
        await file.FlushAsync(context.Cancellation).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        file.SetLength(file.Position);
        context.Scratch.PlaintextSha256 = summary.PlaintextSha256;
        return Rate(summary, context.Options.AttachmentLength, elapsed);
    }

    /// <summary>Decrypts the scratch file that <see cref="EncryptToFileAsync"/> wrote into <see cref="Stream.Null"/>.</summary>
    /// <exception cref="InvalidOperationException">Nothing was encrypted to the scratch file, or the decrypted file differs.</exception>
    public static async Task<double> DecryptFromFileAsync(BenchContext context)
    {
        var expected = context.Scratch.PlaintextSha256
            ?? throw new InvalidOperationException("Decryption reads the file the encrypt-to-file measurement writes; it did not run.");
        await WarmUpAsync(context.Cancellation).ConfigureAwait(false);
        var file = context.Scratch.Rewind();
        var stopwatch = Stopwatch.StartNew();
        var summary = await AttachmentCipher.DecryptAsync(file, Stream.Null, context.Scratch.FileKey, AssociatedData, context.Cancellation)
            .ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        if (!summary.PlaintextSha256.Equals(expected))
        {
            throw new InvalidOperationException("The decrypted attachment's SHA-256 differs from the encrypted one's.");
        }

        return Rate(summary, context.Options.AttachmentLength, elapsed);
    }

    private static async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var key = RandomNumberGenerator.GetBytes(AttachmentFormat.FileKeyLength);
        using var plaintext = new PatternStream(WarmUpLength);
        using var ciphertext = new MemoryStream();
        var sealedSummary = await AttachmentCipher.EncryptAsync(plaintext, ciphertext, key, AssociatedData, cancellationToken)
            .ConfigureAwait(false);
        ciphertext.Position = 0;
        var openedSummary = await AttachmentCipher.DecryptAsync(ciphertext, Stream.Null, key, AssociatedData, cancellationToken).ConfigureAwait(false);
        if (!openedSummary.PlaintextSha256.Equals(sealedSummary.PlaintextSha256))
        {
            throw new InvalidOperationException("An attachment did not decrypt to what was encrypted.");
        }
    }

    private static double Rate(AttachmentSummary summary, long expectedLength, TimeSpan elapsed) =>
        summary.PlaintextLength == expectedLength
            ? summary.PlaintextLength / elapsed.TotalSeconds
            : throw new InvalidOperationException($"The attachment had {summary.PlaintextLength} bytes of plaintext, not {expectedLength}.");
}
