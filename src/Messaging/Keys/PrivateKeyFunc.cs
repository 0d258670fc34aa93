namespace MlaFlow.Messaging.Keys;

/// <summary>
/// Works with a private key lent by the <see cref="KeyStore"/>: <paramref name="privateKey"/> is the raw key,
/// valid only during the call and zeroed after it, so it must not be copied out.
/// </summary>
public delegate TResult PrivateKeyFunc<out TResult>(ReadOnlySpan<byte> privateKey, AuthorityKey key);
