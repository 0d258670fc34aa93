using System.Globalization;
using Microsoft.Extensions.Configuration;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// How this node takes envelopes from other nodes, read from configuration (<c>MlaFlow:Exchange:*</c>) and checked at
/// start like <see cref="NodeSettings"/>: a bad value stops the node with a message naming the key.
/// </summary>
/// <param name="Window">
/// How far an envelope's creation time may be from this node's time, either way, for it to be opened. Wide enough for
/// the two nodes' clocks to differ and for a delivery to be retried; narrow enough that an envelope captured on the way
/// cannot be replayed long after (the exchange inbox also refuses a message taken before).
/// </param>
/// <param name="Peers">The node address of each authority served elsewhere (<c>MlaFlow:Exchange:Peers:TH-OAG</c> = <c>https://th.example/</c>).</param>
/// <param name="RetryEvery">How often a request's outbox tries again while a message is undelivered (<see cref="MlaFlow.Grains.Requests.OutboxSchedule"/>).</param>
public sealed record ExchangeSettings(Duration Window, IReadOnlyDictionary<AuthorityId, Uri> Peers, Duration RetryEvery)
{
    public const string WindowKey = "MlaFlow:Exchange:Window";

    public const string RetryEveryKey = "MlaFlow:Exchange:RetryEvery";

    public const string PeersKey = "MlaFlow:Exchange:Peers";

    public static readonly Duration DefaultWindow = Duration.FromMinutes(10);

    /// <summary>The shortest window or retry period: below a second, ordinary clock drift between two nodes refuses honest envelopes.</summary>
    public static readonly Duration MinimumSpan = Duration.FromSeconds(1);

    /// <summary>The longest window or retry period: beyond a day, the time check no longer bounds a replay in any useful way.</summary>
    public static readonly Duration MaximumSpan = Duration.FromDays(1);

    /// <exception cref="InvalidOperationException">
    /// The window or the retry period is not a time span (<c>00:10:00</c>), or outside 1 second to 1 day; a peer is not
    /// an authority id or its address not an absolute http(s) URL.
    /// </exception>
    public static ExchangeSettings From(IConfiguration configuration) => new(
        ReadSpan(configuration, WindowKey, DefaultWindow), ReadPeers(configuration), ReadSpan(configuration, RetryEveryKey, Grains.Requests.OutboxSchedule.Default.Retry));

    private static Dictionary<AuthorityId, Uri> ReadPeers(IConfiguration configuration)
    {
        var peers = new Dictionary<AuthorityId, Uri>();
        foreach (var entry in configuration.GetSection(PeersKey).GetChildren())
        {
            if (!AuthorityId.TryParse(entry.Key, null, out var authority))
            {
                throw new InvalidOperationException($"{PeersKey}:{entry.Key}: '{entry.Key}' is not a central authority id such as TH-OAG.");
            }

            // A trailing slash makes the exchange path resolve under the address, not beside it.
            var text = entry.Value is { Length: > 0 } value && !value.EndsWith('/') ? value + "/" : entry.Value;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"{PeersKey}:{entry.Key}: '{entry.Value}' is not an absolute http(s) URL of that authority's node.");
            }

            peers[authority] = uri;
        }

        return peers;
    }

    private static Duration ReadSpan(IConfiguration configuration, string key, Duration defaultValue)
    {
        if (configuration[key] is not { Length: > 0 } text)
        {
            return defaultValue;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            throw new InvalidOperationException($"{key}: '{text}' is not a time span such as 00:10:00.");
        }

        var value = Duration.FromTimeSpan(span);
        return value >= MinimumSpan && value <= MaximumSpan ? value
            : throw new InvalidOperationException($"{key}: {text} is outside 00:00:01 to 1.00:00:00 (one second to one day).");
    }
}
