using System.Globalization;
using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Silo.Hosting;

/// <summary>
/// How this node takes envelopes from other nodes and reaches theirs, resolved from <see cref="ExchangeOptions"/>
/// (<c>MlaFlow:Exchange:*</c>) and checked at start: a bad value stops the node with a message naming the key.
/// </summary>
/// <param name="Window">
/// How far an envelope's creation time may be from this node's time, either way, for it to be opened. Wide enough for
/// the two nodes' clocks to differ and for a delivery to be retried; narrow enough that an envelope captured on the way
/// cannot be replayed long after (the exchange inbox also refuses a message taken before).
/// </param>
/// <param name="Peers">The node address of each authority served elsewhere.</param>
/// <param name="RetryEvery">How often a request's outbox tries again while a message is undelivered (<see cref="MlaFlow.Grains.Requests.OutboxSchedule"/>).</param>
public sealed record ExchangeSettings(Duration Window, IReadOnlyDictionary<AuthorityId, Uri> Peers, Duration RetryEvery)
{
    public const string WindowKey = $"{ExchangeOptions.Section}:Window";

    public const string RetryEveryKey = $"{ExchangeOptions.Section}:RetryEvery";

    public const string PeersKey = $"{ExchangeOptions.Section}:Peers";

    public static readonly Duration DefaultWindow = Duration.FromMinutes(10);

    /// <summary>The shortest window or retry period: below a second, ordinary clock drift between two nodes refuses honest envelopes.</summary>
    public static readonly Duration MinimumSpan = Duration.FromSeconds(1);

    /// <summary>The longest window or retry period: beyond a day, the time check no longer bounds a replay in any useful way.</summary>
    public static readonly Duration MaximumSpan = Duration.FromDays(1);

    /// <exception cref="InvalidOperationException">
    /// The window or the retry period is not a time span (<c>00:10:00</c>), or outside 1 second to 1 day; a peer is not
    /// an authority id or its address not an absolute http(s) URL. The message names each.
    /// </exception>
    public static ExchangeSettings From(IConfiguration configuration)
    {
        var options = SettingsSection.Read(configuration, ExchangeOptions.Section, new ExchangeOptionsValidator());
        return Resolve(options, []);
    }

    /// <summary>The settings <paramref name="options"/> give, adding to <paramref name="failures"/> what is wrong with them (defaults stand in for those).</summary>
    public static ExchangeSettings Resolve(ExchangeOptions options, List<string> failures) => new(
        Span(options.Window, WindowKey, DefaultWindow, failures),
        ResolvePeers(options.Peers, failures),
        Span(options.RetryEvery, RetryEveryKey, Grains.Requests.OutboxSchedule.Default.Retry, failures));

    private static Dictionary<AuthorityId, Uri> ResolvePeers(Dictionary<string, string> configured, List<string> failures)
    {
        var peers = new Dictionary<AuthorityId, Uri>();
        foreach (var (key, value) in configured)
        {
            if (!AuthorityId.TryParse(key, null, out var authority))
            {
                failures.Add($"{PeersKey}:{key}: '{key}' is not a central authority id such as TH-OAG.");
                continue;
            }

            // A trailing slash makes the exchange path resolve under the address, not beside it.
            var text = value is { Length: > 0 } && !value.EndsWith('/') ? value + "/" : value;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                failures.Add($"{PeersKey}:{key}: '{value}' is not an absolute http(s) URL of that authority's node.");
                continue;
            }

            peers[authority] = uri;
        }

        return peers;
    }

    private static Duration Span(string? text, string key, Duration defaultValue, List<string> failures)
    {
        if (text is not { Length: > 0 })
        {
            return defaultValue;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            failures.Add($"{key}: '{text}' is not a time span such as 00:10:00.");
            return defaultValue;
        }

        var value = Duration.FromTimeSpan(span);
        if (value < MinimumSpan || value > MaximumSpan)
        {
            failures.Add($"{key}: {text} is outside 00:00:01 to 1.00:00:00 (one second to one day).");
            return defaultValue;
        }

        return value;
    }
}
