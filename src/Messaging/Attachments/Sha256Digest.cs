using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace MlaFlow.Messaging.Attachments;

/// <summary>
/// A SHA-256 digest (FIPS 180-4) of an attachment's plaintext, kept with the request for the chain of custody; written
/// as 64 lower-case hexadecimal digits.
/// </summary>
public sealed class Sha256Digest : IEquatable<Sha256Digest>
{
    /// <summary>Bytes in a SHA-256 digest.</summary>
    public const int Length = SHA256.HashSizeInBytes;

    private readonly byte[] bytes;

    private Sha256Digest(byte[] bytes) => this.bytes = bytes;

    /// <summary>The digest's bytes.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>Wraps a digest computed elsewhere.</summary>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is not <see cref="Length"/> bytes.</exception>
    public static Sha256Digest FromBytes(ReadOnlySpan<byte> digest) =>
        digest.Length == Length ? new Sha256Digest(digest.ToArray())
        : throw new ArgumentException($"A SHA-256 digest has {Length} bytes, not {digest.Length}.", nameof(digest));

    /// <summary>The digest of <paramref name="data"/>.</summary>
    public static Sha256Digest Of(ReadOnlySpan<byte> data) => new(SHA256.HashData(data));

    /// <summary>Reads 64 hexadecimal digits, as <see cref="ToString"/> writes them (either case).</summary>
    public static bool TryParse([NotNullWhen(true)] string? hex, [NotNullWhen(true)] out Sha256Digest? digest)
    {
        digest = null;
        if (hex is not { Length: 2 * Length })
            return false;
        var bytes = new byte[Length];
        if (Convert.FromHexString(hex, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
            return false;
        digest = new Sha256Digest(bytes);
        return true;
    }

    /// <summary>Reads 64 hexadecimal digits.</summary>
    /// <exception cref="FormatException"><paramref name="hex"/> is not 64 hexadecimal digits.</exception>
    public static Sha256Digest Parse(string hex) =>
        TryParse(hex, out var digest) ? digest : throw new FormatException($"'{hex}' is not a SHA-256 digest (64 hexadecimal digits).");

    /// <summary>64 lower-case hexadecimal digits.</summary>
    public override string ToString() => Convert.ToHexStringLower(bytes);

    /// <inheritdoc />
    public bool Equals(Sha256Digest? other) => other is not null && bytes.AsSpan().SequenceEqual(other.bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Sha256Digest);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(bytes);
}
