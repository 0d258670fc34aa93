using Org.BouncyCastle.Crypto.Prng;
using Org.BouncyCastle.Security;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// A "random" source that hands out the bytes it was given, once: how ML-KEM's encapsulation (which draws its 32-byte m
/// from a random source) is made deterministic for the test vectors' EncapsDerand. Asking for more than it holds throws.
/// </summary>
internal sealed class FixedRandom : IRandomGenerator
{
    private readonly byte[] _source;
    private int _used;

    private FixedRandom(byte[] source) => _source = source;

    public static SecureRandom Of(ReadOnlySpan<byte> bytes) => new(new FixedRandom(bytes.ToArray()));

    public void AddSeedMaterial(byte[] seed)
    {
    }

    public void AddSeedMaterial(ReadOnlySpan<byte> seed)
    {
    }

    public void AddSeedMaterial(long seed)
    {
    }

    public void NextBytes(byte[] bytes) => NextBytes(bytes.AsSpan());

    public void NextBytes(byte[] bytes, int start, int len) => NextBytes(bytes.AsSpan(start, len));

    public void NextBytes(Span<byte> bytes)
    {
        if (bytes.Length > _source.Length - _used)
        {
            throw new InvalidOperationException("The fixed randomness is used up.");
        }

        _source.AsSpan(_used, bytes.Length).CopyTo(bytes);
        _used += bytes.Length;
    }
}
