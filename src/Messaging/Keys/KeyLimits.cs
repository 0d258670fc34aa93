namespace MlaFlow.Messaging.Keys;

/// <summary>
/// Bounds on what is read: a bundle comes from another state and a key file may have been tampered with,
/// so neither is read whole without a limit.
/// </summary>
public static class KeyLimits
{
    /// <summary>
    /// Largest public key bundle accepted, in bytes: room for every key allowed, post-quantum keys (about 2.6 KiB each in
    /// base64) included.
    /// </summary>
    public const int MaxBundleBytes = 1024 * 1024;

    /// <summary>Largest key file read from the store, in bytes.</summary>
    public const int MaxKeyFileBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Most keys one authority may have, all statuses counted, in a bundle, the store or the directory.
    /// Two keys a rotation: yearly rotations for over a century.
    /// </summary>
    public const int MaxKeysPerAuthority = 256;
}
