namespace MlaFlow.Silo.Hosting;

/// <summary>
/// Configuration section <c>MlaFlow:Exchange</c>, as configured: text, so that a mistake is reported by its key and
/// value (<see cref="ExchangeOptionsValidator"/>); <see cref="ExchangeSettings"/> holds it resolved.
/// </summary>
public sealed class ExchangeOptions
{
    public const string Section = "MlaFlow:Exchange";

    /// <summary>How far an envelope's time may be from this node's, either way (<c>00:10:00</c> when not set).</summary>
    public string? Window { get; set; }

    /// <summary>How often an undelivered message is tried again (<c>00:01:00</c> when not set).</summary>
    public string? RetryEvery { get; set; }

    /// <summary>Each authority served elsewhere and its node's address (<c>MlaFlow:Exchange:Peers:TH-OAG</c> = <c>https://th.example/</c>).</summary>
    public Dictionary<string, string> Peers { get; set; } = [];
}
