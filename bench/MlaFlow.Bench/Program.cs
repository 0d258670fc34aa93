using MlaFlow.Bench;

// The crypto benchmark (README, "Benchmarks"). The report goes to stdout, progress to stderr.
var (options, problem) = BenchOptions.Parse(args);
if (options is null || options.Help)
{
    (options is null ? Console.Error : Console.Out).WriteLine(problem is null ? BenchOptions.Usage : $"error: {problem}\n{BenchOptions.Usage}");
    return options is null ? 2 : 0;
}

// Ctrl-C stops between operations, so the temporary attachment file is still deleted.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
try
{
    return await Harness.RunAsync(options, Console.Out, Console.Error, cancellation.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
