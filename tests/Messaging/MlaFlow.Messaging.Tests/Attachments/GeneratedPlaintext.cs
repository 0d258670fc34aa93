using System.Buffers.Binary;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>
/// Pseudo-random bytes repeating with a prime period, so a file of any size can be produced and checked, at the speed
/// of a memory copy, without ever being held in memory. The period (1 048 573) is no multiple of any segment size, so
/// no two segments of a large file carry the same plaintext.
/// </summary>
internal static class GeneratedPlaintext
{
    private const int Period = 1_048_573;

    private static readonly byte[] Pattern = CreatePattern();

    /// <summary>The bytes from <paramref name="position"/> on.</summary>
    public static void Fill(long position, Span<byte> destination)
    {
        var offset = (int)(position % Period);
        while (!destination.IsEmpty)
        {
            var count = Math.Min(Period - offset, destination.Length);
            Pattern.AsSpan(offset, count).CopyTo(destination);
            destination = destination[count..];
            offset = 0;
        }
    }

    /// <summary>How many of <paramref name="actual"/> match the bytes from <paramref name="position"/> on, before the first that does not.</summary>
    public static int MatchingPrefix(long position, ReadOnlySpan<byte> actual)
    {
        var offset = (int)(position % Period);
        var matched = 0;
        while (matched < actual.Length)
        {
            var count = Math.Min(Period - offset, actual.Length - matched);
            var common = Pattern.AsSpan(offset, count).CommonPrefixLength(actual.Slice(matched, count));
            matched += common;
            if (common < count)
                break;
            offset = 0;
        }
        return matched;
    }

    // SplitMix64 (Steele, Lea, Flood 2014) of the 8-byte block number: deterministic on every platform and runtime.
    private static byte[] CreatePattern()
    {
        var pattern = new byte[Period];
        Span<byte> block = stackalloc byte[sizeof(ulong)];
        for (var i = 0; i < Period; i += block.Length)
        {
            var z = (ulong)(i / block.Length) * 0x9E3779B97F4A7C15UL + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            BinaryPrimitives.WriteUInt64LittleEndian(block, z ^ (z >> 31));
            block[..Math.Min(block.Length, Period - i)].CopyTo(pattern.AsSpan(i));
        }
        return pattern;
    }
}
