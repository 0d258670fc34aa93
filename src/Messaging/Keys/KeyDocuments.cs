using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Keys;

// The JSON documents of the key folder and of public bundles, field for field, so an auditor can read them
// with any JSON tool. Validation lives in the conversions, which name the member at fault.

/// <summary>One public key: in a bundle, in the peer directory, and (with its sealed private key) in the store.</summary>
internal sealed record PublicKeyDocument(string Id, string Use, string Suite, string PublicKey, string Status, string Created, string? Retired, string? Revoked)
{
    public static PublicKeyDocument From(AuthorityKey key) => new(
        key.Id.Value, KeyJson.Name(key.Use), key.Suite.Name, key.PublicKey.ToBase64(), KeyJson.Name(key.Status),
        KeyJson.Format(key.Created), KeyJson.Format(key.Retired), KeyJson.Format(key.Revoked));

    /// <summary>The key, once every member checks out and the id is the one the public key gives.</summary>
    /// <exception cref="FormatException">A member is malformed or the id does not belong to the key.</exception>
    public AuthorityKey ToKey(AuthorityId authority)
    {
        var use = KeyJson.ParseName<KeyUse>(Use, "use");
        var suite = KeySuite.TryParse(Suite, out var known) ? known
            : throw new FormatException($"suite: '{Suite}' is not one of {string.Join(", ", KeySuite.All.Select(s => s.Name))}.");
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(PublicKey);
        }
        catch (FormatException)
        {
            throw new FormatException($"publicKey of key {Id}: not base64.");
        }

        var key = Keys.PublicKey.Create(suite.Algorithm(use), bytes);
        if (key.Id.Value != Id)
        {
            throw new FormatException($"id: '{Id}' is not the id of its public key ({key.Id}); the entry was altered.");
        }

        return new AuthorityKey(authority, key, KeyJson.ParseName<KeyStatus>(Status, "status"),
            KeyJson.ParseInstant(Created, "created"), KeyJson.ParseOptionalInstant(Retired, "retired"), KeyJson.ParseOptionalInstant(Revoked, "revoked"));
    }
}

/// <summary>One of the authority's own keys in the store: the public entry and the sealed private key (base64).</summary>
internal sealed record OwnKeyDocument(
    string Id, string Use, string Suite, string PublicKey, string Status, string Created, string? Retired, string? Revoked, string SealedPrivateKey)
{
    public static OwnKeyDocument From(AuthorityKey key, byte[] sealedPrivateKey)
    {
        var entry = PublicKeyDocument.From(key);
        return new(entry.Id, entry.Use, entry.Suite, entry.PublicKey, entry.Status, entry.Created, entry.Retired, entry.Revoked, Convert.ToBase64String(sealedPrivateKey));
    }

    public PublicKeyDocument ToPublic() => new(Id, Use, Suite, PublicKey, Status, Created, Retired, Revoked);
}

/// <summary>
/// The keys of one authority: a public bundle (<c>mlaflow-public-keys/1</c>), a peer directory file
/// (<c>mlaflow-peer-keys/1</c>) or, with <typeparamref name="TKey"/> = <see cref="OwnKeyDocument"/>, a store file (<c>mlaflow-own-keys/1</c>).
/// </summary>
internal sealed record KeysDocument<TKey>(string Format, string Authority, IReadOnlyList<TKey> Keys);

/// <summary>
/// <c>keys/store.json</c>: how the store's private keys are sealed. <c>check</c> is an empty plaintext sealed
/// under the derived key, so a wrong passphrase or key-encryption key is told apart from a damaged key file.
/// </summary>
internal sealed record StoreDocument(string Format, string Protection, int? Iterations, string? Salt, string Check, string Created);
