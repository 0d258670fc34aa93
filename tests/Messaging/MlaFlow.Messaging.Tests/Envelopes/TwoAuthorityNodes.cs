using MlaFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace MlaFlow.Messaging.Tests.Envelopes;

/// <summary>CN-MOJ's and TH-OAG's nodes, each with its own keys and the other's public keys, on one fake clock.</summary>
internal sealed class TwoAuthorityNodes : IDisposable
{
    public TwoAuthorityNodes()
    {
        China = new AuthorityNode("CN-MOJ", Clock);
        Thailand = new AuthorityNode("TH-OAG", Clock);
        China.Trust(Thailand);
        Thailand.Trust(China);
    }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 11, 22, 9, 0));

    public AuthorityNode China { get; }

    public AuthorityNode Thailand { get; }

    public void Dispose()
    {
        China.Dispose();
        Thailand.Dispose();
    }
}
