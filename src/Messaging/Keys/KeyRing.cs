using System.Collections.Immutable;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// The keys of one authority, own or peer, checked as a whole: ids unique, at most one active key per use (and one
/// post-quantum key per use beside it), at most <see cref="KeyLimits.MaxKeysPerAuthority"/>. Immutable, so readers never see a half-made change.
/// </summary>
internal sealed class KeyRing
{
    /// <exception cref="FormatException">The keys break a rule; the message says which.</exception>
    public KeyRing(AuthorityId authority, IEnumerable<AuthorityKey> keys)
    {
        Authority = authority;
        Keys = [.. keys.OrderBy(k => k.Created).ThenBy(k => k.Use).ThenBy(k => k.Id.Value, StringComparer.Ordinal)];
        var problem = Keys.Length > KeyLimits.MaxKeysPerAuthority ? $"{Keys.Length} keys; at most {KeyLimits.MaxKeysPerAuthority} are kept per authority"
            : Keys.FirstOrDefault(k => k.Authority != authority) is { } stranger ? $"key {stranger.Id} belongs to {stranger.Authority}"
            : Keys.GroupBy(k => k.Id).FirstOrDefault(g => g.Count() > 1) is { } twice ? $"key {twice.Key} is listed twice"
            : Keys.Where(k => k.Status == KeyStatus.Active).GroupBy(k => (k.Use, k.Suite.IsPostQuantum)).FirstOrDefault(g => g.Count() > 1) is { } actives
                ? $"{actives.Count()} active {Kind(actives.Key.IsPostQuantum)}{KeyJson.Name(actives.Key.Use)} keys; an authority has one at a time"
            : null;
        if (problem is not null)
        {
            throw new FormatException($"{authority}: {problem}.");
        }
    }

    public AuthorityId Authority { get; }

    /// <summary>Oldest first; of keys made together, the encryption key first.</summary>
    public ImmutableArray<AuthorityKey> Keys { get; }

    public AuthorityKey? Get(KeyId id) => Keys.FirstOrDefault(k => k.Id == id);

    /// <summary>The active key of <paramref name="use"/>: the classical one, or the post-quantum one beside it.</summary>
    public AuthorityKey? Active(KeyUse use, bool postQuantum = false) =>
        Keys.FirstOrDefault(k => k.Use == use && k.Status == KeyStatus.Active && k.Suite.IsPostQuantum == postQuantum);

    /// <summary>"post-quantum " or nothing, for messages.</summary>
    public static string Kind(bool postQuantum) => postQuantum ? "post-quantum " : "";

    /// <summary>A copy with <paramref name="changed"/> in place of the keys of the same ids, and the others added.</summary>
    /// <exception cref="FormatException">The result breaks a rule.</exception>
    public KeyRing With(IEnumerable<AuthorityKey> changed)
    {
        var byId = Keys.ToDictionary(k => k.Id);
        foreach (var key in changed)
        {
            byId[key.Id] = key;
        }

        return new KeyRing(Authority, byId.Values);
    }

    /// <summary>The key <paramref name="id"/>, if it may be used for <paramref name="operation"/>.</summary>
    /// <exception cref="KeyRefusedException">Unknown, wrong use, revoked, or retired for a new message.</exception>
    public AuthorityKey Find(KeyId id, KeyOperation operation, string holder)
    {
        var key = Get(id) ?? throw new KeyRefusedException(KeyRefusal.UnknownKey,
            $"{holder} has no key {id} of {Authority} (it has {Keys.Length}: {string.Join(", ", Keys.Select(k => k.Id))}).");
        key.EnsureUsableFor(operation);
        return key;
    }

    /// <summary>The active key of <paramref name="use"/>.</summary>
    /// <exception cref="KeyRefusedException">None is active.</exception>
    public AuthorityKey Current(KeyUse use, string remedy, bool postQuantum = false) =>
        Active(use, postQuantum) ?? throw new KeyRefusedException(KeyRefusal.NoActiveKey, $"{Authority} has no active {Kind(postQuantum)}{KeyJson.Name(use)} key; {remedy}");
}
