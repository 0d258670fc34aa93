using System.CommandLine;
using System.Text;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Silo.Hosting;
using NodaTime;

namespace MlaFlow.Silo.Commands;

/// <summary>
/// <c>keys generate|list|export-public|import-peer|rotate|revoke</c> (generate and rotate take <c>--post-quantum</c>): the key pairs of the authorities this node
/// serves (in <c>&lt;data&gt;/keys</c>, private keys sealed under <c>MlaFlow:Keys:Passphrase</c> or <c>MlaFlow:Keys:Kek</c>)
/// and the directory of other authorities' public keys. A mistake prints <c>error: …</c> on stderr, exits 2 and
/// changes nothing. Key lines read <c>own|peer AUTHORITY use id suite status created … [retired …] [revoked …] fingerprint …</c>.
/// </summary>
internal sealed class KeysCommand(TimeProvider time)
{
    private const int BadInput = 2;

    /// <summary>How long a change waits for another <c>keys</c> command changing the same folder.</summary>
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    public static Command Create(TimeProvider time) => new KeysCommand(time).Command();

    private Command Command() => new("keys", "Authorities' key pairs, and the directory of other authorities' public keys.")
    {
        Generate(), List(), ExportPublic(), ImportPeer(), Rotate(), Revoke(),
    };

    private Command Generate()
    {
        var authority = AuthorityOption("The authority served by this node, e.g. CN-MOJ (required).");
        var suite = new Option<string>("--suite") { Description = $"{Suites} (default {KeySuite.Default.Name}).", DefaultValueFactory = _ => KeySuite.Default.Name };
        var postQuantum = PostQuantumOption("Also an MLKEM768-X25519 encryption pair and an ML-DSA-65 signing pair, for the post-quantum envelope suite (beside x25519-ed25519 keys only).");
        return Subcommand("generate", "Create an authority's first encryption and signing key pairs.", [authority, suite, postQuantum], KeysAccess.ChangeOwn, (session, parse) =>
        {
            var id = Served(session.Node, ParseAuthority(parse.GetValue(authority)));
            var keySuite = ParseSuite(parse.GetValue(suite)!);
            var keys = session.Store.Generate(id, keySuite, parse.GetValue(postQuantum));
            Console.WriteLine($"{id}: generated {string.Join(" and ", keys.Select(k => k.Suite.Name).Distinct())} keys");
            WriteKeys("own", keys);
            WriteBundleFingerprint(session.Store, id);
        });
    }

    private Command List()
    {
        var authority = AuthorityOption("Only this authority's keys (default: every authority, own and peer).");
        return Subcommand("list", "List own and peer keys: ids, suites, statuses, dates, fingerprints (never a private key).", [authority], KeysAccess.Read, (session, parse) =>
        {
            AuthorityId? only = parse.GetValue(authority) is { } text ? ParseAuthority(text) : null;
            var own = (only is null ? session.Store.Authorities : [only]).SelectMany(session.Store.Keys).ToList();
            var peers = (only is null ? session.Peers.Authorities : [only]).SelectMany(session.Peers.Keys).ToList();
            WriteKeys("own", own);
            WriteKeys("peer", peers);
            if (own.Count + peers.Count == 0)
            {
                Console.WriteLine(only is null ? "no keys" : $"no keys of {only}");
            }
        });
    }

    private Command ExportPublic()
    {
        var authority = AuthorityOption("The authority whose public keys to export, e.g. CN-MOJ (required).");
        var output = new Option<string>("--out") { Description = "Write the bundle to this file (default: print it, and its fingerprint on stderr)." };
        return Subcommand("export-public", "Export an authority's public key bundle (JSON) for its peers, with the fingerprint they confirm it by.",
            [authority, output], KeysAccess.Read, (session, parse) =>
            {
                var id = ParseAuthority(parse.GetValue(authority));
                var file = parse.GetValue(output);
                if (file is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(file))))
                {
                    throw new UsageException($"--out {file}: its folder does not exist.");
                }

                var bundle = session.Store.ExportPublic(id);
                if (file is null)
                {
                    Console.Out.Write(Encoding.UTF8.GetString(bundle.ToJson()));
                    Console.Out.WriteLine();
                    Console.Error.WriteLine($"fingerprint: {bundle.Fingerprint}");
                    return;
                }

                File.WriteAllBytes(file, bundle.ToJson());
                Console.WriteLine($"{id}: public key bundle ({bundle.Keys.Count} keys) written to {file}");
                Console.WriteLine($"fingerprint: {bundle.Fingerprint}");
            });
    }

    private Command ImportPeer()
    {
        var bundleFile = new Argument<string>("bundle") { Description = "A bundle written by keys export-public on the peer's node.", Arity = ArgumentArity.ZeroOrOne };
        var fingerprint = new Option<string>("--fingerprint") { Description = "The bundle's fingerprint as the peer authority read it to you, over another channel (required)." };
        return Subcommand("import-peer", "Add or update another authority's public keys, once the bundle's fingerprint is the one confirmed.",
            [bundleFile, fingerprint], KeysAccess.ChangePeers, (session, parse) =>
            {
                var path = parse.GetValue(bundleFile) ?? throw new UsageException("give the bundle file: keys import-peer <bundle.json> --fingerprint \"…\".");
                var confirmed = parse.GetValue(fingerprint) is { } text
                    ? Fingerprint.TryParse(text, null, out var parsed) ? parsed : throw new UsageException($"--fingerprint: '{text}' is not 64 hex digits (spaces, colons and hyphens aside).")
                    : throw new UsageException("--fingerprint is required: the bundle's fingerprint as the peer authority confirmed it to you.");
                if (!File.Exists(path))
                {
                    throw new UsageException($"{path} is not a file.");
                }

                var bundle = PublicKeyBundle.Read(path);
                if (session.Node.Authorities.Contains(bundle.Authority))
                {
                    throw new UsageException($"{bundle.Authority} is served by this node: its keys are made here with keys generate, not imported.");
                }

                var result = session.Peers.Import(bundle, confirmed);
                Console.WriteLine(result.Changed
                    ? $"{result.Authority}: bundle {result.Fingerprint} imported: {result.Added.Count} key(s) added, {result.Retired.Count} retired, {result.Revoked.Count} revoked"
                    : $"{result.Authority}: bundle {result.Fingerprint} holds nothing new; the directory is unchanged");
                WriteKeys("peer", [.. result.Added, .. result.Retired, .. result.Revoked]);
            });
    }

    private Command Rotate()
    {
        var authority = AuthorityOption("The authority served by this node, e.g. CN-MOJ (required).");
        var suite = new Option<string>("--suite") { Description = $"{Suites} (default: the authority's current suite)." };
        var postQuantum = PostQuantumOption(
            "Add a post-quantum pair (MLKEM768-X25519, ML-DSA-65) if the authority has none; one it has is renewed, unless it rotates to p256, which takes none.");
        return Subcommand("rotate", "Issue new key pairs; the current ones are retired, kept to open and verify earlier messages.", [authority, suite, postQuantum], KeysAccess.ChangeOwn, (session, parse) =>
        {
            var id = Served(session.Node, ParseAuthority(parse.GetValue(authority)));
            var keySuite = parse.GetValue(suite) is { } text ? ParseSuite(text) : null;
            var rotation = session.Store.Rotate(id, keySuite, parse.GetValue(postQuantum));
            Console.WriteLine($"{id}: rotated: {rotation.Added.Count} new key(s) active, {rotation.Retired.Count} retired (kept to open and verify earlier messages)");
            if (rotation.Retired.Any(k => k.Suite.IsPostQuantum) && !rotation.Added.Any(k => k.Suite.IsPostQuantum))
            {
                Console.WriteLine($"{id}: its post-quantum keys are retired, not renewed: they come beside {KeySuite.X25519Ed25519} keys only");
            }

            WriteKeys("own", [.. rotation.Added, .. rotation.Retired]);
            WriteBundleFingerprint(session.Store, id);
        });
    }

    private Command Revoke()
    {
        var authority = AuthorityOption("The authority whose key to revoke, e.g. CN-MOJ (required).");
        var keyId = new Option<string>("--key-id") { Description = "The key to revoke, as keys list shows it (required)." };
        return Subcommand("revoke", "Revoke a key: from now on it is refused for everything.", [authority, keyId], KeysAccess.ChangeOwn, (session, parse) =>
        {
            var id = ParseAuthority(parse.GetValue(authority));
            var key = parse.GetValue(keyId) is { } text
                ? KeyId.TryParse(text, null, out var parsed) ? parsed : throw new UsageException($"--key-id: '{text}' is not a key id (32 lower-case hex digits, as keys list shows).")
                : throw new UsageException("--key-id is required, e.g. --key-id 0123456789abcdef0123456789abcdef.");
            var revoked = session.Store.Revoke(id, key);
            Console.WriteLine($"{id}: key {key} revoked; it is refused for everything from now on");
            WriteKeys("own", [revoked]);
            if (session.Store.Keys(id).All(k => k.Use != revoked.Use || k.Status != KeyStatus.Active))
            {
                Console.WriteLine($"{id} has no active {revoked.Use.ToString().ToLowerInvariant()} key now: issue new keys with keys rotate --authority {id}");
            }

            WriteBundleFingerprint(session.Store, id);
        });
    }

    private static string Suites => $"Key suite: {string.Join(" or ", KeySuite.Classical.Select(s => s.Name))}";

    private static Option<string> AuthorityOption(string description) => new("--authority") { Description = description };

    private static Option<bool> PostQuantumOption(string description) => new("--post-quantum") { Description = description };

    /// <summary>
    /// A subcommand whose unknown tokens are configuration (<c>--MlaFlow:DataPath=…</c>), as for <c>token</c>.
    /// Required options are checked by the action rather than the parser, so a missing one is reported like any other mistake.
    /// </summary>
    private Command Subcommand(string name, string description, Symbol[] symbols, KeysAccess access, Action<Session, ParseResult> action)
    {
        var command = new Command(name, description) { TreatUnmatchedTokensAsErrors = false };
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
            }
        }

        command.SetAction(parse => Run(parse, name, access, action));
        return command;
    }

    private int Run(ParseResult parse, string name, KeysAccess access, Action<Session, ParseResult> action)
    {
        var configurationArgs = parse.UnmatchedTokens;
        if (NodeConfiguration.TryLoad(configurationArgs) is not var (node, configuration))
        {
            return BadInput;
        }

        KeyProtection? protection;
        try
        {
            protection = KeyProtectionSettings.From(configuration, configurationArgs);
        }
        catch (InvalidOperationException e)
        {
            return Fail(e.Message);
        }

        try
        {
            var unlock = access == KeysAccess.ChangeOwn;
            if (unlock && protection is null && GeneratedKek.For(node) is { } generated)
            {
                protection = generated;
                Console.Error.WriteLine($"note: the keys are sealed by the key-encryption key generated into {GeneratedKek.PathIn(node.DataPath)}; in production set MlaFlow__Keys__Kek or MlaFlow__Keys__Passphrase instead.");
            }

            if (unlock && protection is null)
            {
                return Fail($"keys {name} needs the key store's passphrase or key-encryption key: {KeyProtectionSettings.Hint}.");
            }

            // Reading public keys needs no secret, so list and export-public do not stretch a passphrase they do not use.
            // Taken before anything is read: a change is made to what the previous change wrote.
            using var held = access == KeysAccess.Read ? null : KeyFolderLock.Acquire(node.DataPath, LockWait, time);
            using var session = new Session(node, unlock ? protection : null, new TimeProviderClock(time));
            action(session, parse);
            return 0;
        }
        catch (Exception e) when (e is UsageException or KeyStoreException or KeyRefusedException)
        {
            return Fail(e.Message);
        }
        finally
        {
            protection?.Dispose();
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return BadInput;
    }

    private static AuthorityId ParseAuthority(string? text) =>
        text is null ? throw new UsageException("--authority is required, e.g. --authority CN-MOJ.")
        : AuthorityId.TryParse(text, null, out var id) ? id
        : throw new UsageException($"'{text}' is not an authority id such as CN-MOJ.");

    private static AuthorityId Served(NodeSettings node, AuthorityId authority) =>
        node.Authorities.Contains(authority) ? authority
        : throw new UsageException($"{authority} is not served by this node (MlaFlow:Authorities: {string.Join(", ", node.Authorities)}).");

    private static KeySuite ParseSuite(string text) =>
        KeySuite.TryParse(text, out var suite) && !suite.IsPostQuantum ? suite
        : throw new UsageException($"--suite: '{text}' is not {string.Join(" or ", KeySuite.Classical.Select(s => s.Name))}"
            + (suite is { IsPostQuantum: true } ? "; post-quantum keys come beside classical ones: add --post-quantum." : "."));

    private static void WriteKeys(string holder, IEnumerable<AuthorityKey> keys)
    {
        foreach (var key in keys)
        {
            Console.WriteLine(
                $"{holder,-4} {key.Authority} {key.Use.ToString().ToLowerInvariant(),-10} {key.Id} {key.Suite.Name,-14} {key.Status.ToString().ToLowerInvariant(),-7} created {key.Created}"
                + (key.Retired is { } retired ? $" retired {retired}" : "")
                + (key.Revoked is { } revoked ? $" revoked {revoked}" : "")
                + $" fingerprint {key.Fingerprint}");
        }
    }

    // The bundle changes with every generation, rotation and revocation; peers need it again, confirmed anew.
    private static void WriteBundleFingerprint(KeyStore store, AuthorityId authority) =>
        Console.WriteLine($"{authority}: public bundle fingerprint {store.ExportPublic(authority).Fingerprint}; send peers the bundle from keys export-public --authority {authority}");

    /// <summary>The node's settings, with the key store and peer directory opened on first use.</summary>
    private sealed class Session(NodeSettings node, KeyProtection? protection, IClock clock) : IDisposable
    {
        private KeyStore? _store;
        private PeerDirectory? _peers;

        public NodeSettings Node => node;

        public KeyStore Store => _store ??= KeyStore.Open(node.DataPath, protection, clock);

        public PeerDirectory Peers => _peers ??= PeerDirectory.Open(node.DataPath, clock);

        public void Dispose() => _store?.Dispose();
    }

    /// <summary>What a subcommand does with the keys: reads them, changes the peer directory, or changes own keys (which needs the store's secret).</summary>
    private enum KeysAccess
    {
        Read,
        ChangePeers,
        ChangeOwn,
    }

    /// <summary>A mistake on the command line, told to the user as it is.</summary>
    private sealed class UsageException(string message) : Exception(message);
}
