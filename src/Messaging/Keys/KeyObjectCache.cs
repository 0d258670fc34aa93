using System.Collections.Concurrent;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// Objects made from keys — HPKE key pairs and public keys, which hold the BCL's or BouncyCastle's parsed keys — one per
/// key id, made when first asked for and kept until this is disposed, which disposes them all. A key id is the digest of
/// its public key, so a kept object never goes stale; none is dropped before then (a retired key still opens earlier
/// messages, a revoked one is refused before its object is asked for), and an authority has at most
/// <see cref="KeyLimits.MaxKeysPerAuthority"/> keys. Thread-safe.
/// </summary>
internal sealed class KeyObjectCache<T> : IDisposable
    where T : class, IDisposable
{
    private readonly ConcurrentDictionary<KeyId, T> _objects = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>The object kept for <paramref name="id"/>, made by <paramref name="make"/> if there is none yet.</summary>
    /// <exception cref="ObjectDisposedException">The cache was disposed.</exception>
    public T Get(KeyId id, Func<T> make)
    {
        if (_objects.TryGetValue(id, out var kept))
        {
            return kept;
        }

        // Made outside the lock (an import takes longer than a lookup); of two made at once, one is kept and the other disposed.
        var made = make();
        lock (_gate)
        {
            if (!_disposed)
            {
                kept = _objects.GetOrAdd(id, made);
            }
        }

        if (!ReferenceEquals(kept, made))
        {
            made.Dispose();
        }

        return kept ?? throw new ObjectDisposedException(nameof(KeyObjectCache<T>));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var kept in _objects.Values)
            {
                kept.Dispose();
            }

            _objects.Clear();
        }
    }
}
