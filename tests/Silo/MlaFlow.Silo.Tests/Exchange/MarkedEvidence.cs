using System.Security.Cryptography;
using System.Text;

namespace MlaFlow.Silo.Tests.Exchange;

/// <summary>
/// An evidence file as a test makes it: bytes that look random (so nothing on the way could shrink them by
/// compression), the same on every run, with <see cref="Marker"/> written into them at a few places. Finding the
/// marker anywhere shows that the file's plaintext got there.
/// </summary>
internal sealed class MarkedEvidence
{
    private const int Seed = 20260315;
    private const int Places = 8;

    private MarkedEvidence(byte[] bytes, string marker)
    {
        Bytes = bytes;
        Marker = marker;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public byte[] Bytes { get; }

    /// <summary>ASCII, so it reads the same in the bytes as in text.</summary>
    public string Marker { get; }

    /// <summary>The SHA-256 of <see cref="Bytes"/>, lower-case hex, as the API reports a file's.</summary>
    public string Sha256 { get; }

    /// <param name="length">The file's length in bytes.</param>
    /// <param name="marker">What to write into it: at its start, at its end, and evenly between.</param>
    public static MarkedEvidence Create(int length, string marker)
    {
        var bytes = new byte[length];
        new Random(Seed).NextBytes(bytes);
        var text = Encoding.ASCII.GetBytes(marker);
        for (var place = 0; place <= Places; place++)
        {
            text.CopyTo(bytes, (long)(length - text.Length) * place / Places);
        }

        return new MarkedEvidence(bytes, marker);
    }
}
