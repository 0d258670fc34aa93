using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using MlaFlow.Messaging.Attachments;
using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Hpke.Primitives;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// The key pairs of the authorities this node serves, in <c>&lt;data&gt;/keys/</c>: <c>store.json</c> says how
/// private keys are sealed, <c>own/&lt;AUTHORITY&gt;.json</c> holds one authority's keys (public key, status,
/// dates, and the private key sealed with AES-256-GCM). Everything is read and checked when the store opens;
/// lookups then read an immutable snapshot, so any number of requests may use the store at once, while changes
/// are made one at a time and written before they are seen.
/// </summary>
/// <remarks>
/// Opened without a <see cref="KeyProtection"/>, the store serves public keys only (listing, export); signing,
/// decrypting and every change need it. Signing keys are opened only for the moment they are used, into memory that is
/// zeroed afterwards; an encryption key's HPKE key pair is made on its first use and kept until the store is disposed
/// (<see cref="UseHpkeKeyPair"/>).
/// </remarks>
public sealed class KeyStore : IDisposable
{
    /// <summary>The key folder's name inside the data folder.</summary>
    public const string FolderName = "keys";

    private const string Holder = "This node's key store";
    private const string RotateRemedy = "issue new keys with keys rotate.";

    private readonly IClock _clock;
    private readonly Lock _gate = new();
    private readonly SealingKey? _sealingKey;
    private readonly KeyObjectCache<HpkeKeyPair> _hpkeKeyPairs = new();
    private StoreDocument? _unwrittenStore;
    private volatile ImmutableDictionary<AuthorityId, OwnKeyRing> _rings;
    private bool _disposed;

    private KeyStore(string folder, IClock clock, SealingKey? sealingKey, StoreDocument? unwrittenStore, ImmutableDictionary<AuthorityId, OwnKeyRing> rings) =>
        (Folder, _clock, _sealingKey, _unwrittenStore, _rings) = (folder, clock, sealingKey, unwrittenStore, rings);

    /// <summary>The absolute path of the key folder.</summary>
    public string Folder { get; }

    /// <summary>True when opened with the store's passphrase or key-encryption key: private keys can be used and keys changed.</summary>
    public bool IsUnlocked => _sealingKey is not null;

    /// <summary>The authorities holding keys here, in order.</summary>
    public IReadOnlyList<AuthorityId> Authorities => [.. _rings.Keys.OrderBy(a => a.Value, StringComparer.Ordinal)];

    /// <summary>
    /// Opens (without creating anything yet) the key store in <paramref name="dataPath"/>/keys and checks every file.
    /// With <paramref name="protection"/>, also checks that it opens the store and every sealed private key; the
    /// caller keeps ownership of it. A new store is written with its first keys.
    /// </summary>
    /// <exception cref="KeyStoreException">
    /// The protection is the wrong kind or does not open the store, or a file is malformed, altered or unreadable.
    /// </exception>
    public static KeyStore Open(string dataPath, KeyProtection? protection, IClock clock)
    {
        var folder = Path.Combine(Path.GetFullPath(dataPath), FolderName);
        var storeFile = Path.Combine(folder, KeyStoreFolder.StoreFileName);
        var store = File.Exists(storeFile) ? KeyStoreFolder.ReadStore(storeFile) : null;
        var (sealingKey, unwritten) = protection is null ? (null, null)
            : store is null ? KeyStoreFolder.Create(protection, clock)
            : (KeyStoreFolder.Unlock(store, folder, protection), null);
        try
        {
            return new KeyStore(folder, clock, sealingKey, unwritten, KeyStoreFolder.LoadOwnKeys(folder, store is not null, sealingKey));
        }
        catch
        {
            sealingKey?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the authorities' key files again and, if every one checks out, serves them from now on: a node sees keys
    /// rotated or revoked by the <c>keys</c> commands without a restart. What was in use stays in use until this returns.
    /// </summary>
    /// <exception cref="KeyStoreException">A file is malformed, altered or unreadable; the keys served are unchanged.</exception>
    public void Reload()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _rings = KeyStoreFolder.LoadOwnKeys(Folder, File.Exists(Path.Combine(Folder, KeyStoreFolder.StoreFileName)), _sealingKey);
        }
    }

    /// <summary>Every key of <paramref name="authority"/>, oldest first; empty when it has none here.</summary>
    public IReadOnlyList<AuthorityKey> Keys(AuthorityId authority) => _rings.TryGetValue(authority, out var ring) ? ring.Ring.Keys : [];

    /// <summary>
    /// Creates <paramref name="authority"/>'s first encryption and signing key pairs, all active: of the classical
    /// <paramref name="suite"/>, and with <paramref name="postQuantum"/> the post-quantum pair (<see cref="KeySuite.XWingMLDsa65"/>) beside them.
    /// </summary>
    /// <returns>The encryption key, then the signing key (then the post-quantum encryption and signing keys).</returns>
    /// <exception cref="ArgumentException"><paramref name="suite"/> is the post-quantum suite, which comes only beside a classical one.</exception>
    /// <exception cref="KeyStoreException">
    /// The store is locked, the authority already has keys (rotate them instead), or post-quantum keys were asked for beside
    /// a suite that takes none (<see cref="KeySuite.TakesPostQuantumKeys"/>).
    /// </exception>
    public IReadOnlyList<AuthorityKey> Generate(AuthorityId authority, KeySuite suite, bool postQuantum = false)
    {
        ArgumentNullException.ThrowIfNull(suite);
        RefusePostQuantumAlone(suite);
        RefusePostQuantumBeside(suite, postQuantum);
        lock (_gate)
        {
            var sealingKey = RequireSealingKey();
            if (_rings.TryGetValue(authority, out var existing))
            {
                throw new KeyStoreException($"{authority} already has {existing.Ring.Keys.Length} key(s) here; issue new ones with keys rotate.");
            }

            var keys = NewKeys(authority, Suites(suite, postQuantum), Now(_clock), sealingKey);
            Save(new OwnKeyRing(new KeyRing(authority, keys.Select(k => k.Key)), keys.ToImmutableDictionary(k => k.Key.Id, k => k.SealedPrivateKey)));
            return [.. keys.Select(k => k.Key)];
        }
    }

    /// <summary>
    /// Creates new encryption and signing pairs for <paramref name="authority"/> and retires the active ones, which
    /// stay here to open and verify earlier messages. The classical suite stays the current one unless <paramref name="suite"/>
    /// is given; the post-quantum pair is renewed if the authority has one active, or added with <paramref name="postQuantum"/>,
    /// as long as the classical suite takes one (<see cref="KeySuite.TakesPostQuantumKeys"/>): a rotation to p256 retires the
    /// post-quantum pair without renewing it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="suite"/> is the post-quantum suite, which comes only beside a classical one.</exception>
    /// <exception cref="KeyStoreException">
    /// The store is locked, the authority has no keys yet, it would exceed <see cref="KeyLimits.MaxKeysPerAuthority"/>, or
    /// <paramref name="postQuantum"/> was asked for beside a suite that takes no post-quantum keys.
    /// </exception>
    public KeyRotation Rotate(AuthorityId authority, KeySuite? suite = null, bool postQuantum = false)
    {
        if (suite is not null)
        {
            RefusePostQuantumAlone(suite);
        }

        lock (_gate)
        {
            var sealingKey = RequireSealingKey();
            var ring = _rings.TryGetValue(authority, out var existing) ? existing
                : throw new KeyStoreException($"{authority} has no keys here to rotate; create them with keys generate.");
            suite ??= (ring.Ring.Active(KeyUse.Signing) ?? ring.Ring.Active(KeyUse.Encryption) ?? ring.Ring.Keys.Last(k => !k.Suite.IsPostQuantum)).Suite;
            RefusePostQuantumBeside(suite, postQuantum);
            postQuantum |= suite.TakesPostQuantumKeys
                && (ring.Ring.Active(KeyUse.Encryption, postQuantum: true) is not null || ring.Ring.Active(KeyUse.Signing, postQuantum: true) is not null);
            var now = Now(_clock);
            var retired = ring.Ring.Keys.Where(k => k.Status == KeyStatus.Active).Select(k => k.Retire(now)).ToList();
            var added = NewKeys(authority, Suites(suite, postQuantum), now, sealingKey);
            Save(new OwnKeyRing(
                Checked(() => ring.Ring.With([.. retired, .. added.Select(k => k.Key)])),
                ring.Sealed.AddRange(added.Select(k => KeyValuePair.Create(k.Key.Id, k.SealedPrivateKey)))));
            return new KeyRotation([.. added.Select(k => k.Key)], retired);
        }
    }

    /// <summary>Revokes key <paramref name="id"/> of <paramref name="authority"/>: from now on it is refused for everything.</summary>
    /// <exception cref="KeyRefusedException">No such authority or key here.</exception>
    /// <exception cref="KeyStoreException">The store is locked, or the key is already revoked.</exception>
    public AuthorityKey Revoke(AuthorityId authority, KeyId id)
    {
        lock (_gate)
        {
            // Not needed to mark a key, but only whoever holds the passphrase changes the store.
            RequireSealingKey();
            var ring = Ring(authority);
            var key = ring.Ring.Get(id) ?? throw new KeyRefusedException(KeyRefusal.UnknownKey,
                $"{Holder} has no key {id} of {authority} (it has {string.Join(", ", ring.Ring.Keys.Select(k => k.Id))}).");
            if (key.Status == KeyStatus.Revoked)
            {
                throw new KeyStoreException($"Key {id} of {authority} is already revoked (at {key.Revoked}).");
            }

            var revoked = key.Revoke(Now(_clock));
            Save(ring with { Ring = ring.Ring.With([revoked]) });
            return revoked;
        }
    }

    /// <summary>Key <paramref name="id"/> of <paramref name="authority"/>, if it may be used for <paramref name="operation"/>.</summary>
    /// <exception cref="KeyRefusedException">Unknown, wrong use, revoked, or retired for a new message.</exception>
    public AuthorityKey Find(AuthorityId authority, KeyId id, KeyOperation operation) => Ring(authority).Ring.Find(id, operation, Holder);

    /// <summary>
    /// The active key of <paramref name="use"/> of <paramref name="authority"/>: the one peers encrypt to, or that signs; the
    /// classical one, or with <paramref name="postQuantum"/> the post-quantum one.
    /// </summary>
    /// <exception cref="KeyRefusedException">No keys of the authority here, or none of that use is active (revoked, not yet replaced).</exception>
    public AuthorityKey CurrentKey(AuthorityId authority, KeyUse use, bool postQuantum = false) => Ring(authority).Ring.Current(use, RotateRemedy, postQuantum);

    /// <summary>As <see cref="CurrentKey"/>, or null when there is none: whether the authority offers that kind of key at all.</summary>
    public AuthorityKey? ActiveKey(AuthorityId authority, KeyUse use, bool postQuantum) =>
        _rings.TryGetValue(authority, out var ring) ? ring.Ring.Active(use, postQuantum) : null;

    /// <summary>The key <paramref name="authority"/> signs new messages with (its post-quantum one with <paramref name="postQuantum"/>).</summary>
    /// <exception cref="KeyRefusedException">No active signing key.</exception>
    public OwnSigningKey CurrentSigningKey(AuthorityId authority, bool postQuantum = false) => new(this, CurrentKey(authority, KeyUse.Signing, postQuantum));

    /// <summary>
    /// Lends the HPKE key pair of encryption key <paramref name="id"/> (active or retired) to <paramref name="use"/>, e.g. to
    /// open an HPKE message sent to it or to authenticate one sealed with it. The key's status is checked on every call.
    /// </summary>
    /// <remarks>
    /// The pair is made when first lent — the private key unsealed, and for P-256 imported into a BCL key object — and kept
    /// until the store is disposed: unsealing and importing again for every message cost more than the message itself
    /// (bench/README.md). It stays in memory as the store's sealing key does, which opens every private key anyway.
    /// </remarks>
    /// <exception cref="KeyRefusedException">Unknown, revoked, or a signing key.</exception>
    /// <exception cref="KeyStoreException">The store is locked.</exception>
    public TResult UseHpkeKeyPair<TResult>(AuthorityId authority, KeyId id, Func<HpkeKeyPair, AuthorityKey, TResult> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        var sealingKey = RequireSealingKey();
        var ring = Ring(authority);
        var key = ring.Ring.Find(id, KeyOperation.Decrypt, Holder);
        return use(_hpkeKeyPairs.Get(id, () => OpenHpkeKeyPair(sealingKey, key, ring.Sealed[id])), key);
    }

    /// <summary>
    /// Seals the key of evidence file <paramref name="fileId"/> under the store's sealing key, so the file can be kept
    /// encrypted at rest and opened only by a node holding this store's passphrase or key-encryption key. The sealed
    /// key opens only for the same file id (<see cref="OpenFileKey"/>).
    /// </summary>
    /// <param name="fileId">The evidence file the key belongs to; bound into the sealed value.</param>
    /// <param name="fileKey">The file's <see cref="AttachmentFormat.FileKeyLength"/>-byte key.</param>
    /// <returns>The sealed key, <see cref="AttachmentFormat.FileKeyLength"/> + 28 bytes, to keep beside the file.</returns>
    /// <exception cref="ArgumentException">The key is not <see cref="AttachmentFormat.FileKeyLength"/> bytes.</exception>
    /// <exception cref="KeyStoreException">The store is locked.</exception>
    public byte[] SealFileKey(string fileId, ReadOnlySpan<byte> fileKey)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        CheckFileKeyLength(fileKey.Length, nameof(fileKey));
        lock (_gate)
        {
            var sealingKey = RequireSealingKey();
            // A new store's salt and check value exist only in memory until written; a file key sealed before then
            // could never be opened again after a restart.
            WriteStoreIfNew();
            return sealingKey.Seal(fileKey, FileKeyContext(fileId));
        }
    }

    /// <summary>Opens into <paramref name="fileKey"/> the key of evidence file <paramref name="fileId"/> sealed by <see cref="SealFileKey"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="fileKey"/> is not <see cref="AttachmentFormat.FileKeyLength"/> bytes.</exception>
    /// <exception cref="KeyStoreException">
    /// The store is locked, or the sealed key does not authenticate: altered, sealed for another file, or by another node's store.
    /// </exception>
    public void OpenFileKey(string fileId, ReadOnlySpan<byte> sealedKey, Span<byte> fileKey)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        CheckFileKeyLength(fileKey.Length, nameof(fileKey));
        var sealingKey = RequireSealingKey();
        if (!sealingKey.TryOpen(sealedKey, FileKeyContext(fileId), fileKey))
        {
            CryptographicOperations.ZeroMemory(fileKey);
            throw new KeyStoreException($"The key of evidence file {fileId} does not open; its key file was altered or belongs to another node.");
        }
    }

    /// <summary>The public bundle of <paramref name="authority"/>, for <c>keys export-public</c>.</summary>
    /// <exception cref="KeyRefusedException">No keys of the authority here.</exception>
    public PublicKeyBundle ExportPublic(AuthorityId authority) => PublicKeyBundle.Of(Ring(authority).Ring);

    /// <summary>Zeroes the sealing key and releases the HPKE key pairs lent so far.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _sealingKey?.Dispose();
            _hpkeKeyPairs.Dispose();
        }
    }

    /// <summary>Signs with key <paramref name="id"/> if it is still the authority's active signing key.</summary>
    internal byte[] Sign(AuthorityId authority, KeyId id, ReadOnlySpan<byte> message)
    {
        var sealingKey = RequireSealingKey();
        var ring = Ring(authority);
        var key = ring.Ring.Find(id, KeyOperation.Sign, Holder);
        var algorithm = (SignatureAlgorithm)key.PublicKey.Algorithm;
        Span<byte> privateKey = stackalloc byte[algorithm.PrivateKeyLength];
        try
        {
            Unseal(sealingKey, key, ring.Sealed[id], privateKey);
            return algorithm.Sign(privateKey, key.PublicKey.Bytes, message);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>The clock's time to the second: what the files and the command line show, exactly.</summary>
    internal static Instant Now(IClock clock) => Instant.FromUnixTimeSeconds(clock.GetCurrentInstant().ToUnixTimeSeconds());

    private OwnKeyRing Ring(AuthorityId authority) =>
        _rings.TryGetValue(authority, out var ring) ? ring
        : throw new KeyRefusedException(KeyRefusal.UnknownAuthority, $"{Holder} holds no keys of {authority}; create them with keys generate.");

    private SealingKey RequireSealingKey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _sealingKey ?? throw new KeyStoreException(
            $"The key store in {Folder} was opened without its passphrase or key-encryption key, so it cannot use or change private keys.");
    }

    private static KeySuite[] Suites(KeySuite classical, bool postQuantum) => postQuantum ? [classical, KeySuite.XWingMLDsa65] : [classical];

    private static void RefusePostQuantumAlone(KeySuite suite)
    {
        if (suite.IsPostQuantum)
        {
            throw new ArgumentException($"{suite} keys come beside classical ones: give a classical suite ({string.Join(" or ", KeySuite.Classical)}) and ask for post-quantum keys too.", nameof(suite));
        }
    }

    private static void RefusePostQuantumBeside(KeySuite suite, bool postQuantum)
    {
        if (postQuantum && !suite.TakesPostQuantumKeys)
        {
            throw new KeyStoreException(
                $"Post-quantum keys come beside {KeySuite.X25519Ed25519} keys only, not {suite}: the post-quantum envelope suite signs with Ed25519 and " +
                $"ML-DSA-65 together, so a {suite} authority would still seal {suite} envelopes, which post-quantum peers refuse as downgrades. " +
                $"Use {KeySuite.X25519Ed25519} keys to add post-quantum ones, or {suite} keys without them.");
        }
    }

    // Of each suite, the encryption key, then the signing key.
    private static List<(AuthorityKey Key, byte[] SealedPrivateKey)> NewKeys(AuthorityId authority, IEnumerable<KeySuite> suites, Instant now, SealingKey sealingKey) =>
        [.. suites.SelectMany(s => new[] { s.Encryption, s.Signing }).Select(algorithm => NewKey(authority, algorithm, now, sealingKey))];

    private static (AuthorityKey Key, byte[] SealedPrivateKey) NewKey(AuthorityId authority, KeyAlgorithm algorithm, Instant now, SealingKey sealingKey)
    {
        Span<byte> privateKey = stackalloc byte[algorithm.PrivateKeyLength];
        var publicKey = new byte[algorithm.PublicKeyLength];
        try
        {
            algorithm.Generate(privateKey, publicKey);
            var key = new AuthorityKey(authority, PublicKey.Create(algorithm, publicKey), KeyStatus.Active, now);
            return (key, sealingKey.Seal(privateKey, OwnKeyRing.SealingContext(authority, key.Id)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private static HpkeKeyPair OpenHpkeKeyPair(SealingKey sealingKey, AuthorityKey key, byte[] sealedPrivateKey)
    {
        // Find(…, Decrypt) lets encryption keys only through, and each of those has its KEM.
        var kem = Kem.For(key.PublicKey.Algorithm.HpkeKem!.Value);
        Span<byte> privateKey = stackalloc byte[key.PublicKey.Algorithm.PrivateKeyLength];
        try
        {
            Unseal(sealingKey, key, sealedPrivateKey, privateKey);
            return kem.DeserializePrivateKey(privateKey, nameof(privateKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    private static void Unseal(SealingKey sealingKey, AuthorityKey key, byte[] sealedPrivateKey, Span<byte> privateKey)
    {
        if (!sealingKey.TryOpen(sealedPrivateKey, OwnKeyRing.SealingContext(key.Authority, key.Id), privateKey))
        {
            throw new KeyStoreException($"The private key of {key.Id} of {key.Authority} does not open; its key file was altered.");
        }
    }

    private void Save(OwnKeyRing ring)
    {
        WriteStoreIfNew();
        KeyStoreFolder.WriteOwnKeys(Folder, ring);
        _rings = _rings.SetItem(ring.Ring.Authority, ring);
    }

    /// <summary>Writes <c>store.json</c> of a store created by this instance, once; the caller holds <see cref="_gate"/>.</summary>
    private void WriteStoreIfNew()
    {
        if (_unwrittenStore is not null)
        {
            KeyStoreFolder.WriteStore(Folder, _unwrittenStore);
            _unwrittenStore = null;
        }
    }

    /// <summary>The associated data a file key is sealed with: a sealed key copied beside another file fails to open.</summary>
    private static byte[] FileKeyContext(string fileId) => Encoding.UTF8.GetBytes($"MlaFlow file key v1\0{fileId}");

    private static void CheckFileKeyLength(int length, string parameter)
    {
        if (length != AttachmentFormat.FileKeyLength)
        {
            throw new ArgumentException($"A file key has {AttachmentFormat.FileKeyLength} bytes, not {length}.", parameter);
        }
    }

    private static KeyRing Checked(Func<KeyRing> change)
    {
        try
        {
            return change();
        }
        catch (FormatException e)
        {
            throw new KeyStoreException(e.Message, e);
        }
    }
}
