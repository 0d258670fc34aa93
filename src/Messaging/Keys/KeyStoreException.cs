namespace MlaFlow.Messaging.Keys;

/// <summary>
/// The key store or peer directory cannot do what was asked: the passphrase or key-encryption key does not
/// open it, a file is malformed or was altered, a bundle is refused, or the operation does not fit the
/// keys held. Nothing was changed. The message says which file or key, and never holds key material.
/// </summary>
public sealed class KeyStoreException : Exception
{
    public KeyStoreException(string message)
        : base(message)
    {
    }

    public KeyStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
