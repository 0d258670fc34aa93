using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Cryptography;

namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// The BCL's ECDH key objects (OpenSSL's on Linux) and the DH between them. Every object made here was checked as it was
/// made: a generated key is valid, and an imported point passed OpenSSL's full public-key check (on the curve, of the
/// group's order; <c>EC_KEY_check_key</c>), which fails the import of a bad one.
/// </summary>
/// <remarks>
/// The BCL's <see cref="ECDiffieHellman.DeriveRawSecretAgreement"/> hands the peer to <c>EVP_PKEY_derive_set_peer</c>,
/// which since OpenSSL 3.0 runs that full check again on every call: a multiplication by the group order, more than the
/// DH itself costs (on this kind of machine 81 µs a P-256 DH through the BCL, 34 µs without the repeated check, 31 µs in
/// <c>openssl speed</c>). With OpenSSL 3, the DH therefore goes to libcrypto directly with
/// <c>EVP_PKEY_derive_set_peer_ex(…, validate_peer: 0)</c>: the check was made once, when the peer's object was, and an
/// EVP_PKEY never changes. Elsewhere (another platform, OpenSSL 1.1, which checks nothing there) the BCL derives.
/// </remarks>
internal static class EcdhKeyObjects
{
    private const string LibCrypto = "libcrypto.so.3";

    /// <summary>Whether DH goes to libcrypto 3 directly: the very library the BCL loaded (same name, same version).</summary>
    public static bool DerivesDirectly { get; } = OperatingSystem.IsLinux() && LibCryptoIsTheBcls();

    /// <summary>A new random key pair on <paramref name="curve"/>.</summary>
    public static ECDiffieHellman Generate(ECCurve curve) =>
        OperatingSystem.IsLinux() ? new ECDiffieHellmanOpenSsl(curve) : ECDiffieHellman.Create(curve);

    /// <summary>A key object for <paramref name="parameters"/>: a private scalar, a public point, or both.</summary>
    /// <exception cref="CryptographicException">The point is not on the curve, or the scalar is out of range.</exception>
    public static ECDiffieHellman Import(ECParameters parameters)
    {
        if (!OperatingSystem.IsLinux())
        {
            return ECDiffieHellman.Create(parameters);
        }

        var key = new ECDiffieHellmanOpenSsl();
        try
        {
            key.ImportParameters(parameters);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The x-coordinate of the shared point, as the platform writes it (leading zero bytes may be missing).</summary>
    /// <exception cref="CryptographicException">The platform refused the DH.</exception>
    public static byte[] DeriveRawSecret(ECDiffieHellman own, ECDiffieHellman peer, int length)
    {
        if (DerivesDirectly && OperatingSystem.IsLinux() && own is ECDiffieHellmanOpenSsl ownKey && peer is ECDiffieHellmanOpenSsl peerKey)
        {
            return DeriveWithoutRecheck(ownKey, peerKey, length);
        }

        using var peerPublic = peer.PublicKey;
        return own.DeriveRawSecretAgreement(peerPublic);
    }

    [SupportedOSPlatform("linux")]
    private static byte[] DeriveWithoutRecheck(ECDiffieHellmanOpenSsl own, ECDiffieHellmanOpenSsl peer, int length)
    {
        using var ownHandle = own.DuplicateKeyHandle();
        using var peerHandle = peer.DuplicateKeyHandle();
        var context = EVP_PKEY_CTX_new(ownHandle, IntPtr.Zero);
        if (context == IntPtr.Zero)
        {
            throw Failed("EVP_PKEY_CTX_new");
        }

        try
        {
            var secret = new byte[length];
            var written = (nuint)length;
            return EVP_PKEY_derive_init(context) == 1
                && EVP_PKEY_derive_set_peer_ex(context, peerHandle, validatePeer: 0) == 1
                && EVP_PKEY_derive(context, secret, ref written) == 1
                && written == (nuint)length
                ? secret
                : throw Failed("EVP_PKEY_derive");
        }
        finally
        {
            EVP_PKEY_CTX_free(context);
        }
    }

    // The BCL's own calls expect an empty OpenSSL error queue.
    private static CryptographicException Failed(string function)
    {
        ERR_clear_error();
        return new CryptographicException($"OpenSSL's {function} refused the ECDH.");
    }

    [SupportedOSPlatform("linux")]
    private static bool LibCryptoIsTheBcls()
    {
        try
        {
            // A library already loaded under this name is the one the loader returns, so a matching version is the BCL's.
            return SafeEvpPKeyHandle.OpenSslVersion >= 0x3000_0000 && (long)OpenSSL_version_num() == SafeEvpPKeyHandle.OpenSslVersion;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    [DllImport(LibCrypto)]
    private static extern nuint OpenSSL_version_num();

    [DllImport(LibCrypto)]
    private static extern IntPtr EVP_PKEY_CTX_new(SafeEvpPKeyHandle key, IntPtr engine);

    [DllImport(LibCrypto)]
    private static extern int EVP_PKEY_derive_init(IntPtr context);

    [DllImport(LibCrypto)]
    private static extern int EVP_PKEY_derive_set_peer_ex(IntPtr context, SafeEvpPKeyHandle peer, int validatePeer);

    [DllImport(LibCrypto)]
    private static extern int EVP_PKEY_derive(IntPtr context, [Out] byte[] secret, ref nuint length);

    [DllImport(LibCrypto)]
    private static extern void EVP_PKEY_CTX_free(IntPtr context);

    [DllImport(LibCrypto)]
    private static extern void ERR_clear_error();
}
