using System.Security.Cryptography;
using System.Text;
using MlaFlow.Messaging.Keys;
using MlaFlow.Silo.Tests.Processes;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Exchange;

/// <summary>
/// One central authority's node in a two-node exchange, set up as its operator sets it up: a store of its own, keys
/// made with <c>keys generate</c> under a key-encryption key from the environment, the peer's address in configuration.
/// The other node reaches it only through <see cref="Inbound"/>, whose address outlives the node's process, so a test
/// can kill the node and start it again on the same store while the peer keeps trying the same address.
/// </summary>
internal sealed class AuthorityNode : IAsyncDisposable
{
    private readonly StringBuilder _earlierRuns = new();
    private NodeProcess? _process;

    private AuthorityNode(string authority, NodeStore store, IReadOnlyDictionary<string, string> environment, RecordingProxy inbound)
    {
        Authority = authority;
        Store = store;
        Environment = environment;
        Inbound = inbound;
    }

    public string Authority { get; }

    public NodeStore Store { get; }

    /// <summary>The node's whole configuration, for the node and for every command run on its data folder.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Where the peer node sends to; it records everything that crosses.</summary>
    public RecordingProxy Inbound { get; }

    /// <summary>The running node's own address, for the test's API calls, which do not cross <see cref="Inbound"/>.</summary>
    public Uri Address => (_process ?? throw new InvalidOperationException($"{Authority}'s node is not running.")).Address;

    /// <summary>What the node wrote in all its runs so far.</summary>
    public string Output => _earlierRuns + (_process?.Output ?? "");

    /// <summary>How often the node's output holds <paramref name="text"/>.</summary>
    public int Logged(string text) => Output.Split(text).Length - 1;

    /// <param name="authority">The one authority this node serves.</param>
    /// <param name="inbound">The proxy the peer node reaches this one through; disposed with this node.</param>
    /// <param name="peer">The authority served by the other node.</param>
    /// <param name="peerAddress">Where this node reaches the other one.</param>
    public static async Task<AuthorityNode> CreateAsync(string authority, RecordingProxy inbound, string peer, Uri peerAddress)
    {
        var store = await NodeStore.CreateAsync(StorageKind.Sqlite);
        var environment = store.EnvironmentWith(
            ("MlaFlow__Authorities__0", authority),
            ("MlaFlow__Keys__Kek", Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyProtection.KeyEncryptionKeyLength))),
            ($"MlaFlow__Exchange__Peers__{peer}", peerAddress.ToString()),
            // Every two seconds instead of every minute, so that an outage fits in a test.
            ("MlaFlow__Exchange__RetryEvery", "00:00:02"));
        return new AuthorityNode(authority, store, environment, inbound);
    }

    /// <param name="postQuantum">Whether the authority also gets its post-quantum pair (<c>--post-quantum</c>).</param>
    public Task GenerateKeysAsync(bool postQuantum = false) =>
        RunAsync(["keys", "generate", "--authority", Authority, .. postQuantum ? new[] { "--post-quantum" } : []]);

    /// <summary>
    /// Imports <paramref name="peer"/>'s public key bundle under the fingerprint its export printed — the one its
    /// administrator would read out over the phone.
    /// </summary>
    public async Task TrustAsync(AuthorityNode peer)
    {
        var bundle = Path.Combine(Store.DataFolder, $"{peer.Authority}.bundle.json");
        var exported = await peer.RunAsync("keys", "export-public", "--authority", peer.Authority, "--out", bundle);
        var fingerprint = exported.OutputLines[1]["fingerprint: ".Length..];
        await RunAsync("keys", "import-peer", bundle, "--fingerprint", fingerprint);
    }

    /// <summary>A bearer token for <paramref name="role"/> of this node's authority, signed with the key in its data folder.</summary>
    public async Task<string> TokenAsync(string role) => (await RunAsync("token", "--authority", Authority, "--role", role)).StandardOutput.Trim();

    /// <summary>Starts the node on its store, and puts it behind <see cref="Inbound"/>.</summary>
    public async Task StartAsync()
    {
        _process = await NodeProcess.StartAsync(Store, Environment);
        Reconnect();
    }

    /// <summary>Puts the running node behind <see cref="Inbound"/> again, after <see cref="RecordingProxy.CutAfter"/> cut it off.</summary>
    public void Reconnect() => Inbound.ForwardTo(Address);

    /// <summary>
    /// Kills the node with SIGKILL, as a crash would, and has <see cref="Inbound"/> refuse connections meanwhile, as
    /// the host of a dead node does. What the node wrote stays in <see cref="Output"/>.
    /// </summary>
    public async Task KillAsync()
    {
        var process = _process ?? throw new InvalidOperationException($"{Authority}'s node is not running.");
        _process = null;
        Inbound.Refuse();
        await process.KillAsync();
        await process.DisposeAsync();
        _earlierRuns.Append(process.Output).AppendLine("--- killed ---");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        await Inbound.DisposeAsync();
        await Store.DisposeAsync();
    }

    private async Task<CommandResult> RunAsync(params string[] arguments)
    {
        var result = await SiloCli.RunAsync(Environment, arguments);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result;
    }
}
