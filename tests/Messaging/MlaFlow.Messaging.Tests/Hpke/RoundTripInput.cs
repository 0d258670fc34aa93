using FsCheck;
using FsCheck.Fluent;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>
/// What a round-trip property seals: info, a few messages with their associated data (plaintexts from empty
/// to a few KiB), and an export. Shown by sizes in failure reports, since the bytes themselves say little.
/// </summary>
internal sealed record RoundTripInput(byte[] Info, IReadOnlyList<(byte[] Aad, byte[] Plaintext)> Messages, byte[] ExporterContext, int ExportLength)
{
    public const int MaxPlaintext = 4096;

    public static Arbitrary<RoundTripInput> Arbitrary { get; } = Arb.From(
        from info in Bytes(64)
        from messages in Gen.Choose(1, 3).SelectMany(count => Gen.ArrayOf(Gen.Zip(Bytes(64), Bytes(MaxPlaintext)), count))
        from exporterContext in Bytes(32)
        from exportLength in Gen.Choose(0, 96)
        select new RoundTripInput(info, [.. messages.Select(m => (m.Item1, m.Item2))], exporterContext, exportLength));

    public override string ToString() =>
        $"info {Info.Length} B, messages (aad, plaintext) {string.Join(" ", Messages.Select(m => $"({m.Aad.Length} B, {m.Plaintext.Length} B)"))}, export {ExportLength} B";

    // A length and a seed rather than byte by byte: generating kilobytes through FsCheck is slow and shrinking
    // them bytewise says nothing an HPKE failure would need. The length still shrinks towards empty.
    private static Gen<byte[]> Bytes(int maxLength) =>
        from length in Gen.Choose(0, maxLength)
        from seed in Gen.Choose(int.MinValue, int.MaxValue)
        select Filled(length, seed);

    private static byte[] Filled(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
