using MlaFlow.Silo.Tests.Processes;

namespace MlaFlow.Silo.Tests.Exchange;

/// <summary>
/// China's and Thailand's central authorities on two nodes — two processes on loopback, a store each — that trust each
/// other's public keys (exported, and imported under the confirmed fingerprint, with the CLI) and reach each other
/// only through recording proxies: everything that passes between them is on record.
/// </summary>
internal sealed class TwoNodes : IAsyncDisposable
{
    private TwoNodes(AuthorityNode china, AuthorityNode thailand)
    {
        China = china;
        Thailand = thailand;
    }

    public AuthorityNode China { get; }

    public AuthorityNode Thailand { get; }

    /// <summary>Both nodes' output, which is what explains a failure.</summary>
    public string Outputs => $"--- {China.Authority}'s node ---\n{China.Output}\n--- {Thailand.Authority}'s node ---\n{Thailand.Output}";

    /// <summary>Sets both nodes up and starts them, Thailand's first, as the requested state is there before a request comes.</summary>
    /// <param name="chinaPostQuantum">Whether China's authority holds post-quantum keys beside its classical ones.</param>
    /// <param name="thailandPostQuantum">Whether Thailand's does.</param>
    public static async Task<TwoNodes> StartAsync(bool chinaPostQuantum = false, bool thailandPostQuantum = false)
    {
        var (toChina, toThailand) = (new RecordingProxy(), new RecordingProxy());
        var nodes = new TwoNodes(
            await AuthorityNode.CreateAsync("CN-MOJ", toChina, "TH-OAG", toThailand.Address),
            await AuthorityNode.CreateAsync("TH-OAG", toThailand, "CN-MOJ", toChina.Address));
        try
        {
            await Task.WhenAll(nodes.China.GenerateKeysAsync(chinaPostQuantum), nodes.Thailand.GenerateKeysAsync(thailandPostQuantum));
            await nodes.China.TrustAsync(nodes.Thailand);
            await nodes.Thailand.TrustAsync(nodes.China);
            await nodes.Thailand.StartAsync();
            await nodes.China.StartAsync();
            return nodes;
        }
        catch
        {
            await nodes.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether <paramref name="pattern"/> passed between the nodes, either way, on any connection.</summary>
    public bool WireCarried(ReadOnlySpan<byte> pattern) => China.Inbound.Saw(pattern) || Thailand.Inbound.Saw(pattern);

    /// <summary>Runs <paramref name="scenario"/>; a failure comes with both nodes' output.</summary>
    public async Task ExplainingFailuresAsync(Func<Task> scenario)
    {
        try
        {
            await scenario();
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{Outputs}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await China.DisposeAsync();
        await Thailand.DisposeAsync();
    }
}
