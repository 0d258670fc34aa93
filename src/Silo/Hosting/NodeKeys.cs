using Microsoft.Extensions.Configuration;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// The served authorities' key pairs and the peer directory, opened once when the node starts (docs/messaging.md,
/// "Keys"): every key file is read and checked, and with the passphrase or key-encryption key every sealed private key
/// is opened once, so a wrong secret or a damaged file stops the node at start rather than failing a message later.
/// </summary>
/// <param name="Own">The served authorities' keys; unlocked when the node holds any.</param>
/// <param name="Peers">Other authorities' public keys.</param>
/// <param name="Served">The authorities this node serves.</param>
public sealed record NodeKeys(KeyStore Own, PeerDirectory Peers, IReadOnlySet<AuthorityId> Served) : IDisposable
{
    /// <summary>
    /// Whether envelopes can be sealed and opened at all: the store is unlocked and holds keys of a served authority.
    /// Otherwise the node runs as before, its authorities exchanging only with each other.
    /// </summary>
    public bool ExchangeEnabled => Own.IsUnlocked && Served.Any(a => Own.Keys(a).Count > 0);

    /// <summary>Served authorities that cannot take part in cross-node exchange: no active encryption or signing key here.</summary>
    public IReadOnlyList<AuthorityId> WithoutKeys =>
        [.. Served.Where(a => !Own.IsUnlocked || !HasActive(a, KeyUse.Encryption) || !HasActive(a, KeyUse.Signing)).OrderBy(a => a.Value, StringComparer.Ordinal)];

    /// <summary>Opens the keys in <paramref name="node"/>'s data folder with the protection configured (if any).</summary>
    /// <param name="configuration">The node's whole configuration.</param>
    /// <param name="commandLineArgs">The process's command-line arguments, checked for secrets.</param>
    /// <param name="node">The node's settings.</param>
    /// <exception cref="InvalidOperationException">
    /// The protection is misconfigured or does not open the store, a key file is damaged, or the store holds keys but no
    /// passphrase or key-encryption key is configured.
    /// </exception>
    public static NodeKeys Open(IConfiguration configuration, IEnumerable<string> commandLineArgs, NodeSettings node)
    {
        using var protection = KeyProtectionSettings.From(configuration, commandLineArgs) ?? GeneratedKek.For(node);
        try
        {
            // The store's clock dates keys made, rotated and revoked, which the node never does (the keys commands do),
            // so the system clock is right even where tests inject another IClock.
            var peers = PeerDirectory.Open(node.DataPath, SystemClock.Instance);
            var own = KeyStore.Open(node.DataPath, protection, SystemClock.Instance);
            if (!own.IsUnlocked && own.Authorities.Count > 0)
            {
                own.Dispose();
                // Keys made with a secret the node was then not given: starting without exchange would hide the mistake.
                throw new InvalidOperationException(
                    $"The key store in {own.Folder} holds keys of {string.Join(", ", own.Authorities)}, but no passphrase or key-encryption key is configured: {KeyProtectionSettings.Hint}.");
            }

            return new NodeKeys(own, peers, node.Authorities);
        }
        catch (KeyStoreException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    /// <summary>Closes the key store, zeroing its sealing key.</summary>
    public void Dispose() => Own.Dispose();

    private bool HasActive(AuthorityId authority, KeyUse use) => Own.Keys(authority).Any(k => k.Use == use && k.Status == KeyStatus.Active);
}
