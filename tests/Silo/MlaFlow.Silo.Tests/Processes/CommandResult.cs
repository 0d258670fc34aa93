namespace MlaFlow.Silo.Tests.Processes;

/// <summary>How a finished run of the Silo executable ended and what it wrote.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Standard output as the bytes written, for commands whose output is binary (<c>hpke open</c>).</summary>
    public byte[] StandardOutputBytes { get; init; } = [];

    /// <summary>Standard output split into lines, without the line ends.</summary>
    public IReadOnlyList<string> OutputLines =>
        StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    // Shouldly puts this in failure messages, so a failed assertion shows everything the process said.
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
