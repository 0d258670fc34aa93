using MlaFlow.Gateway.Security;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// A test class whose every test boots its own node (xunit makes a new instance per test) and calls it as a
/// CN-MOJ officer; <see cref="Before"/> is what the store held before the test acted.
/// </summary>
public abstract class OfficerNodeTest(StorageKind storage) : IAsyncLifetime
{
    internal GatewayNode Node { get; private set; } = null!;

    protected HttpClient Officer { get; private set; } = null!;

    internal StoreCounts Before { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await GatewayNode.StartAsync(storage);
        Officer = Node.ClientFor(GatewayNode.China, Roles.Officer);
        Before = await Node.CountsAsync();
    }

    public async Task DisposeAsync()
    {
        Officer?.Dispose();
        if (Node is not null)
        {
            await Node.DisposeAsync();
        }
    }
}
