using MlaFlow.Messaging.Keys;
using MlaFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace MlaFlow.Messaging.Tests.Envelopes;

/// <summary>CN-MOJ's and TH-OAG's nodes, each with its own keys and the other's public keys, on one fake clock.</summary>
internal sealed class TwoAuthorityNodes : IDisposable
{
    /// <param name="chinaPostQuantum">Whether CN-MOJ holds post-quantum keys beside its classical ones.</param>
    /// <param name="thailandPostQuantum">Whether TH-OAG does.</param>
    /// <param name="suite">Both authorities' classical keys' suite (default x25519-ed25519).</param>
    public TwoAuthorityNodes(bool chinaPostQuantum = false, bool thailandPostQuantum = false, KeySuite? suite = null)
    {
        China = new AuthorityNode("CN-MOJ", Clock, suite, chinaPostQuantum);
        Thailand = new AuthorityNode("TH-OAG", Clock, suite, thailandPostQuantum);
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
