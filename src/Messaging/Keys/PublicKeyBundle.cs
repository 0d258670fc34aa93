using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// What an authority hands its peers: every public key it has, with status and dates, and nothing secret.
/// The receiving authority imports it only after comparing <see cref="Fingerprint"/> with the one the sender
/// reads out over a separate channel (phone, diplomatic note), since the file itself may have been swapped.
/// </summary>
public sealed class PublicKeyBundle
{
    /// <summary>The <c>format</c> member of a bundle file.</summary>
    public const string FormatName = "mlaflow-public-keys/1";

    private static readonly byte[] Label = Encoding.ASCII.GetBytes("MlaFlow public key bundle v1\0");

    private readonly KeyRing _ring;

    private PublicKeyBundle(KeyRing ring)
    {
        _ring = ring;
        Fingerprint = Fingerprint.Of(Digest(ring));
    }

    public AuthorityId Authority => _ring.Authority;

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<AuthorityKey> Keys => _ring.Keys;

    /// <summary>
    /// SHA-256 over a canonical encoding of the authority and of every key (id, use, suite, raw public key,
    /// status, dates), in id order: the same keys give the same fingerprint however the JSON is laid out,
    /// and any change to a key, a status or a date gives another.
    /// </summary>
    public Fingerprint Fingerprint { get; }

    /// <summary>The bundle file, UTF-8 JSON.</summary>
    public byte[] ToJson() => KeyJson.Serialize(new KeysDocument<PublicKeyDocument>(FormatName, Authority.Value, [.. Keys.Select(PublicKeyDocument.From)]));

    /// <summary>A bundle of <paramref name="ring"/>'s keys.</summary>
    internal static PublicKeyBundle Of(KeyRing ring) => new(ring);

    /// <summary>Reads a bundle file, refusing one over <see cref="KeyLimits.MaxBundleBytes"/> before reading it.</summary>
    /// <exception cref="KeyStoreException">Too large, unreadable or not a valid bundle; the message names the file.</exception>
    public static PublicKeyBundle Read(string path)
    {
        try
        {
            return Parse(KeyFiles.ReadBounded(path, KeyLimits.MaxBundleBytes, "a public key bundle"));
        }
        catch (FormatException e)
        {
            throw new KeyStoreException($"{path} is not a valid public key bundle: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyStoreException($"{path} cannot be read: {e.Message}", e);
        }
    }

    /// <exception cref="FormatException">Too large, not a bundle, or a key or the keys as a whole break a rule.</exception>
    public static PublicKeyBundle Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > KeyLimits.MaxBundleBytes)
        {
            throw new FormatException($"{utf8.Length} bytes; a bundle is at most {KeyLimits.MaxBundleBytes}.");
        }

        var document = KeyJson.Deserialize<KeysDocument<PublicKeyDocument>>(utf8);
        return new PublicKeyBundle(Ring(document, FormatName));
    }

    /// <summary>The ring a bundle or peer file describes, after checking its format, authority and size.</summary>
    /// <exception cref="FormatException">The document breaks a rule.</exception>
    internal static KeyRing Ring(KeysDocument<PublicKeyDocument> document, string format)
    {
        if (document.Format != format)
        {
            throw new FormatException($"format: '{document.Format}' is not {format}.");
        }

        var authority = AuthorityId.TryParse(document.Authority, null, out var id) ? id
            : throw new FormatException($"authority: '{document.Authority}' is not an authority id such as CN-MOJ.");
        if (document.Keys.Count > KeyLimits.MaxKeysPerAuthority)
        {
            throw new FormatException($"keys: {document.Keys.Count} keys; at most {KeyLimits.MaxKeysPerAuthority}.");
        }

        // The serializer enforces nullability on members, not on the elements of a list.
        if (document.Keys.Any(k => k is null))
        {
            throw new FormatException("keys: an entry is null.");
        }

        return new KeyRing(authority, document.Keys.Select(k => k.ToKey(authority)));
    }

    private static byte[] Digest(KeyRing ring)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Label);
        Append(hash, Encoding.ASCII.GetBytes(ring.Authority.Value));
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, (uint)ring.Keys.Length);
        hash.AppendData(count);
        foreach (var key in ring.Keys.OrderBy(k => k.Id.Value, StringComparer.Ordinal))
        {
            var entry = PublicKeyDocument.From(key);
            foreach (var text in (string[])[entry.Id, entry.Use, entry.Suite, entry.Status, entry.Created, entry.Retired ?? "", entry.Revoked ?? ""])
            {
                Append(hash, Encoding.ASCII.GetBytes(text));
            }

            Append(hash, key.PublicKey.Bytes);
        }

        return hash.GetHashAndReset();
    }

    // Each field behind its length, so no two different bundles encode to the same bytes.
    private static void Append(IncrementalHash hash, ReadOnlySpan<byte> field)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)field.Length);
        hash.AppendData(length);
        hash.AppendData(field);
    }
}
