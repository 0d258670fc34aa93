using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace MlaFlow.Bench;

/// <summary>
/// Runs one BenchmarkDotNet benchmark method in this process, single-threaded: BenchmarkDotNet's pilot stage picks how many
/// calls an iteration makes, then come its warm-up and measured iterations, with its own JIT and GC handling. The rate is
/// one over the mean time per call (BenchmarkDotNet drops upper outliers first). In process, so that no project is
/// generated and built per benchmark and the openssl run just before is close in time.
/// </summary>
internal sealed class InProcessBenchmarks(BenchOptions options, TextWriter progress)
{
    /// <summary>Calls per second of <typeparamref name="TBenchmarks"/>'s <c>[Benchmark]</c> method <paramref name="method"/>.</summary>
    /// <exception cref="InvalidOperationException">The setup found a wrong result, or BenchmarkDotNet measured nothing (it says why in the message).</exception>
    public double OperationsPerSecond<TBenchmarks>(string method, CancellationToken cancellationToken)
        where TBenchmarks : ICheckedBenchmarks, new()
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Set up (and so checked) once here first: BenchmarkDotNet in process reports a throwing setup only as "no results".
        var checkedOnce = new TBenchmarks();
        try
        {
            checkedOnce.Setup();
        }
        finally
        {
            checkedOnce.Cleanup();
        }

        var artifacts = Directory.CreateTempSubdirectory("mlaflow-bench-bdn-").FullName;
        try
        {
            var errors = new ErrorLogger(progress);
            var summary = BenchmarkRunner.Run<TBenchmarks>(Config(artifacts, errors, method));
            var mean = summary.Reports.SingleOrDefault()?.ResultStatistics?.Mean;
            return mean is > 0
                ? 1e9 / mean.Value
                : throw new InvalidOperationException(
                    $"BenchmarkDotNet measured nothing for {typeof(TBenchmarks).Name}.{method}: {(errors.Text.Length > 0 ? errors.Text : "no benchmark ran")}");
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }

    /// <summary>What the report says of how the MlaFlow side is timed.</summary>
    public string Description =>
        $"BenchmarkDotNet in process, {options.BenchmarkWarmupCount} warm-up + {options.BenchmarkIterationCount} iterations of " +
        $"{options.BenchmarkIterationTime.TotalMilliseconds:0} ms, mean time per call";

    private IConfig Config(string artifacts, ILogger logger, string method)
    {
        var job = Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(2), logOutput: false))
            .WithLaunchCount(1)
            .WithWarmupCount(options.BenchmarkWarmupCount)
            .WithIterationCount(options.BenchmarkIterationCount)
            .WithIterationTime(TimeInterval.FromMilliseconds(options.BenchmarkIterationTime.TotalMilliseconds));
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(logger)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddExporter(MarkdownExporter.Console)
            .AddFilter(new SimpleFilter(c => c.Descriptor.WorkloadMethod.Name == method))
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
#if DEBUG
        // The report warns of a Debug build; BenchmarkDotNet would refuse to run one at all.
        config = config.WithOptions(ConfigOptions.DisableOptimizationsValidator);
#endif
        return config;
    }

    /// <summary>Keeps BenchmarkDotNet's errors (a setup's exception among them) and shows them as progress; its chatter is dropped.</summary>
    private sealed class ErrorLogger(TextWriter progress) : ILogger
    {
        private readonly System.Text.StringBuilder _errors = new();

        public string Id => nameof(ErrorLogger);

        public int Priority => 0;

        public string Text => _errors.ToString().Trim();

        public void Write(LogKind logKind, string text)
        {
            if (logKind == LogKind.Error)
            {
                _errors.Append(text);
                progress.Write(text);
            }
        }

        public void WriteLine()
        {
        }

        public void WriteLine(LogKind logKind, string text)
        {
            if (logKind == LogKind.Error)
            {
                _errors.AppendLine(text);
                progress.WriteLine(text);
            }
        }

        public void Flush() => progress.Flush();
    }
}
