using System.Collections.Immutable;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// Other authorities' public keys, in <c>&lt;data&gt;/keys/peers/&lt;AUTHORITY&gt;.json</c>, each entered from a
/// bundle whose fingerprint a person confirmed. Lookups refuse what is not there and what was revoked, with the
/// reason; they read an immutable snapshot, so any number of requests may look up at once.
/// </summary>
public sealed class PeerDirectory
{
    internal const string PeersFolderName = "peers";
    internal const string PeerFormat = "mlaflow-peer-keys/1";
    private const string Holder = "The peer directory";

    private readonly IClock _clock;
    private readonly Lock _gate = new();
    private volatile ImmutableDictionary<AuthorityId, KeyRing> _rings;

    private PeerDirectory(string folder, IClock clock, ImmutableDictionary<AuthorityId, KeyRing> rings) => (Folder, _clock, _rings) = (folder, clock, rings);

    /// <summary>The absolute path of the folder holding the peer files.</summary>
    public string Folder { get; }

    /// <summary>The peers with keys here, in order.</summary>
    public IReadOnlyList<AuthorityId> Authorities => [.. _rings.Keys.OrderBy(a => a.Value, StringComparer.Ordinal)];

    /// <summary>Reads and checks every peer file in <paramref name="dataPath"/>/keys/peers (none yet is an empty directory).</summary>
    /// <exception cref="KeyStoreException">A file is malformed, altered or unreadable.</exception>
    public static PeerDirectory Open(string dataPath, IClock clock)
    {
        var folder = Path.Combine(Path.GetFullPath(dataPath), KeyStore.FolderName, PeersFolderName);
        return new PeerDirectory(folder, clock, ReadAll(folder));
    }

    /// <summary>
    /// Reads the peer files again and, if every one checks out, looks up in them from now on: a node sees peers imported,
    /// and their keys retired or revoked, by the <c>keys</c> commands without a restart.
    /// </summary>
    /// <exception cref="KeyStoreException">A file is malformed, altered or unreadable; the directory is unchanged.</exception>
    public void Reload()
    {
        lock (_gate)
        {
            _rings = ReadAll(Folder);
        }
    }

    /// <summary>Every key of <paramref name="authority"/> known here, oldest first; empty for an unknown peer.</summary>
    public IReadOnlyList<AuthorityKey> Keys(AuthorityId authority) => _rings.TryGetValue(authority, out var ring) ? ring.Keys : [];

    /// <summary>
    /// Enters <paramref name="bundle"/> once its fingerprint is the <paramref name="confirmed"/> one. New keys are
    /// added; known keys only move forward (retired, revoked), so an old bundle imported again changes nothing;
    /// a new active key retires the active key of the same use that the bundle no longer lists as active.
    /// </summary>
    /// <exception cref="KeyStoreException">The fingerprints differ (nothing is imported), or the peer would exceed <see cref="KeyLimits.MaxKeysPerAuthority"/>.</exception>
    public PeerImportResult Import(PublicKeyBundle bundle, Fingerprint confirmed)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(confirmed);
        if (bundle.Fingerprint != confirmed)
        {
            throw new KeyStoreException(
                $"The bundle's fingerprint is {bundle.Fingerprint}, not {confirmed}: it is not the bundle {bundle.Authority} confirmed. Nothing was imported.");
        }

        lock (_gate)
        {
            var known = _rings.TryGetValue(bundle.Authority, out var ring) ? ring.Keys.ToDictionary(k => k.Id) : [];
            var now = KeyStore.Now(_clock);
            var (added, retired, revoked) = (new List<AuthorityKey>(), new List<AuthorityKey>(), new List<AuthorityKey>());
            foreach (var offered in bundle.Keys)
            {
                if (!known.TryGetValue(offered.Id, out var current))
                {
                    added.Add(known[offered.Id] = offered);
                }
                else if (offered.Status > current.Status)
                {
                    // Further along in its life than we knew: the peer's own account (with its dates) replaces ours.
                    (offered.Status == KeyStatus.Revoked ? revoked : retired).Add(known[offered.Id] = offered);
                }
            }

            // The peer rotated: its new active key replaces ours of the same kind (use, and classical or post-quantum),
            // even when its bundle no longer lists the old one.
            foreach (var fresh in added.Where(k => k.Status == KeyStatus.Active))
            {
                foreach (var old in known.Values.Where(k => k.Use == fresh.Use && k.Suite.IsPostQuantum == fresh.Suite.IsPostQuantum && k.Status == KeyStatus.Active && k.Id != fresh.Id).ToList())
                {
                    retired.Add(known[old.Id] = old.Retire(now));
                }
            }

            var result = new PeerImportResult(bundle.Authority, bundle.Fingerprint, added, retired, revoked);
            if (result.Changed)
            {
                Save(Checked(bundle.Authority, known.Values));
            }

            return result;
        }
    }

    /// <summary>
    /// Key <paramref name="id"/> of peer <paramref name="authority"/>, if it may be used for <paramref name="operation"/>:
    /// <see cref="KeyOperation.Encrypt"/> (active encryption keys) or <see cref="KeyOperation.Verify"/> (active or retired signing keys).
    /// </summary>
    /// <exception cref="KeyRefusedException">Unknown peer or key, wrong use, revoked, or retired for encryption.</exception>
    /// <exception cref="ArgumentException"><paramref name="operation"/> needs a private key, which no peer key has.</exception>
    public AuthorityKey Find(AuthorityId authority, KeyId id, KeyOperation operation)
    {
        if (operation is not (KeyOperation.Encrypt or KeyOperation.Verify))
        {
            throw new ArgumentException($"A peer's key can encrypt or verify; {operation} needs the peer's private key.", nameof(operation));
        }

        return Ring(authority).Find(id, operation, Holder);
    }

    /// <summary>The key to encrypt new messages to <paramref name="authority"/> with (its post-quantum one with <paramref name="postQuantum"/>).</summary>
    /// <exception cref="KeyRefusedException">Unknown peer, or none of its encryption keys is active.</exception>
    public AuthorityKey CurrentEncryptionKey(AuthorityId authority, bool postQuantum = false) =>
        Ring(authority).Current(KeyUse.Encryption, $"import a newer bundle of {authority} with keys import-peer.", postQuantum);

    /// <summary>
    /// The suites <paramref name="authority"/>'s confirmed bundle offers: each whose encryption and signing keys are both
    /// active here. A sender picks the strongest suite both sides hold; a recipient refuses a classical envelope from a peer
    /// that offers the post-quantum suite (no downgrade).
    /// </summary>
    public IReadOnlyList<KeySuite> OfferedSuites(AuthorityId authority) =>
        _rings.TryGetValue(authority, out var ring)
            ? [.. KeySuite.All.Where(s => ring.Keys.Any(k => k.Suite == s && k.Status == KeyStatus.Active && k.Use == KeyUse.Encryption)
                                        && ring.Keys.Any(k => k.Suite == s && k.Status == KeyStatus.Active && k.Use == KeyUse.Signing))]
            : [];

    /// <summary>Checks <paramref name="signature"/> of <paramref name="message"/> by <paramref name="authority"/> with its signing key <paramref name="id"/>.</summary>
    /// <returns>True only for a valid signature; false for a wrong one.</returns>
    /// <exception cref="KeyRefusedException">The key is unknown, revoked or not a signing key.</exception>
    public bool Verify(AuthorityId authority, KeyId id, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        Find(authority, id, KeyOperation.Verify).Verify(message, signature);

    private KeyRing Ring(AuthorityId authority) =>
        _rings.TryGetValue(authority, out var ring) ? ring
        : throw new KeyRefusedException(KeyRefusal.UnknownAuthority, $"{Holder} has no keys of {authority}; import its bundle with keys import-peer.");

    private void Save(KeyRing ring)
    {
        KeyFiles.EnsureFolder(Path.GetDirectoryName(Folder)!);
        KeyFiles.EnsureFolder(Folder);
        var document = new KeysDocument<PublicKeyDocument>(PeerFormat, ring.Authority.Value, [.. ring.Keys.Select(PublicKeyDocument.From)]);
        KeyFiles.WriteAtomically(Path.Combine(Folder, $"{ring.Authority}.json"), KeyJson.Serialize(document));
        _rings = _rings.SetItem(ring.Authority, ring);
    }

    private static KeyRing Checked(AuthorityId authority, IEnumerable<AuthorityKey> keys)
    {
        try
        {
            return new KeyRing(authority, keys);
        }
        catch (FormatException e)
        {
            throw new KeyStoreException($"{e.Message} Nothing was imported.", e);
        }
    }

    private static ImmutableDictionary<AuthorityId, KeyRing> ReadAll(string folder)
    {
        var rings = ImmutableDictionary.CreateBuilder<AuthorityId, KeyRing>();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var ring = ReadPeerFile(file);
                rings.Add(ring.Authority, ring);
            }
        }

        return rings.ToImmutable();
    }

    private static KeyRing ReadPeerFile(string path)
    {
        try
        {
            var document = KeyJson.Deserialize<KeysDocument<PublicKeyDocument>>(KeyFiles.ReadBounded(path, KeyLimits.MaxKeyFileBytes, "a peer file"));
            var ring = PublicKeyBundle.Ring(document, PeerFormat);
            return ring.Authority.Value == Path.GetFileNameWithoutExtension(path) ? ring
                : throw new FormatException($"authority: '{ring.Authority}' does not match the file name.");
        }
        catch (FormatException e)
        {
            throw new KeyStoreException($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"{path} cannot be read: {e.Message}", e);
        }
    }
}
