namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// Comparisons on secret bytes whose running time depends only on the lengths, never on the values: a scalar
/// being checked against a curve order must not leak through timing how close it came.
/// </summary>
internal static class ConstantTime
{
    /// <summary>True when the big-endian integer <paramref name="left"/> is less than <paramref name="right"/> (equal lengths).</summary>
    public static bool IsLessThan(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            throw new ArgumentException("Both numbers must have the same length.", nameof(right));
        }

        // Subtract right from left from the least significant byte up and keep only the borrow: left < right
        // exactly when the subtraction borrows out of the top byte. No branch looks at a byte.
        var borrow = 0;
        for (var i = left.Length - 1; i >= 0; i--)
        {
            borrow = ((left[i] - right[i] - borrow) >> 8) & 1;
        }

        return borrow == 1;
    }

    /// <summary>True when every byte is zero.</summary>
    public static bool IsZero(ReadOnlySpan<byte> bytes)
    {
        var any = 0;
        foreach (var b in bytes)
        {
            any |= b;
        }

        return any == 0;
    }
}
