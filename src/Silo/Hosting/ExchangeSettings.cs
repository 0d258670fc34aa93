using System.Globalization;
using Microsoft.Extensions.Configuration;
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
public sealed record ExchangeSettings(Duration Window)
{
    public const string WindowKey = "MlaFlow:Exchange:Window";

    public static readonly Duration DefaultWindow = Duration.FromMinutes(10);

    /// <summary>The narrowest window: below a second, ordinary clock drift between two nodes refuses honest envelopes.</summary>
    public static readonly Duration MinimumWindow = Duration.FromSeconds(1);

    /// <summary>The widest window: beyond a day, the time check no longer bounds a replay in any useful way.</summary>
    public static readonly Duration MaximumWindow = Duration.FromDays(1);

    /// <exception cref="InvalidOperationException">The window is not a time span (<c>00:10:00</c>), or outside 1 second to 1 day.</exception>
    public static ExchangeSettings From(IConfiguration configuration)
    {
        if (configuration[WindowKey] is not { Length: > 0 } text)
        {
            return new ExchangeSettings(DefaultWindow);
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            throw new InvalidOperationException($"{WindowKey}: '{text}' is not a time span such as 00:10:00.");
        }

        var window = Duration.FromTimeSpan(span);
        return window >= MinimumWindow && window <= MaximumWindow ? new ExchangeSettings(window)
            : throw new InvalidOperationException($"{WindowKey}: {text} is outside 00:00:01 to 1.00:00:00 (one second to one day).");
    }
}
