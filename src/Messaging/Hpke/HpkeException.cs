using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke;

/// <summary>
/// An HPKE operation failed for a cryptographic reason. Mistakes in the caller's own inputs (key lengths,
/// invalid keys, a PSK where the mode takes none) are <see cref="ArgumentException"/>s instead.
/// </summary>
public class HpkeException : CryptographicException
{
    /// <summary>Creates the exception with a message saying what failed.</summary>
    public HpkeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public HpkeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
