using System.Security.Cryptography;

namespace MlaFlow.Messaging;

/// <summary>
/// For the libraries that take a secret only as an array (BouncyCastle's <c>FromSeed</c>, the BCL's
/// <see cref="ECParameters.D"/>): a copy that lives for the one call and is zeroed after it.
/// </summary>
internal static class SecretCopy
{
    /// <summary>What <paramref name="use"/> makes of a copy of <paramref name="secret"/>, which is zeroed afterwards.</summary>
    public static T Use<T>(ReadOnlySpan<byte> secret, Func<byte[], T> use)
    {
        var copy = secret.ToArray();
        try
        {
            return use(copy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }
}
