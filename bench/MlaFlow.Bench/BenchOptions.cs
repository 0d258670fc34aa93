namespace MlaFlow.Bench;

/// <summary>The command line: the full run (minutes) or <c>--quick</c> (seconds, for checking the harness works).</summary>
/// <param name="Quick">Short durations and a small attachment.</param>
/// <param name="OpenSsl">The openssl executable that measures the baseline.</param>
/// <param name="Help">Print the usage and do nothing else.</param>
internal sealed record BenchOptions(bool Quick, string OpenSsl, bool Help)
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/MlaFlow.Bench -- [--quick] [--openssl PATH]

          --quick         one short round per measurement and a 64 MiB attachment (the full run: best
                          of three rounds, 1 GiB) - to check the harness, not to quote
          --openssl PATH  the openssl to measure the baseline with (default: openssl on PATH)

        Prints MlaFlow's rates next to openssl speed's for the same work, and the ratio. Single-threaded;
        a 1 GiB temporary file is written to and read from the temp directory (TMPDIR).
        """;

    /// <summary>
    /// How often each measurement runs, alternating with openssl's run of the primitives it is compared with; each
    /// side's fastest round counts (the least disturbed by whatever else the machine is doing).
    /// </summary>
    public int Rounds => Quick ? 1 : 3;

    /// <summary>BenchmarkDotNet's warm-up iterations per round of a per-message line, after its pilot stage.</summary>
    public int BenchmarkWarmupCount => Quick ? 1 : 3;

    /// <summary>BenchmarkDotNet's measured iterations per round of a per-message line.</summary>
    public int BenchmarkIterationCount => Quick ? 3 : 10;

    /// <summary>How long BenchmarkDotNet makes each iteration (its pilot stage picks the number of calls).</summary>
    public TimeSpan BenchmarkIterationTime => Quick ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromMilliseconds(250);

    /// <summary>openssl speed's <c>-seconds</c> per primitive, per round (whole seconds only).</summary>
    public int OpenSslSeconds => 1;

    /// <summary>Bytes of the attachment encrypted and decrypted once each.</summary>
    public long AttachmentLength => Quick ? 64L << 20 : 1L << 30;

    /// <summary>The options, or a one-line problem with the command line.</summary>
    public static (BenchOptions? Options, string? Problem) Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Quick: false, OpenSsl: "openssl", Help: false);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--openssl" when i + 1 < args.Count:
                    options = options with { OpenSsl = args[++i] };
                    break;
                case "--openssl":
                    return (null, "--openssl needs a path.");
                case "-h" or "--help":
                    options = options with { Help = true };
                    break;
                default:
                    return (null, $"Unknown argument '{args[i]}'.");
            }
        }

        return (options, null);
    }
}
