using System.CommandLine;
using System.CommandLine.Invocation;

namespace MlaFlow.Silo.Commands;

/// <summary>
/// Runs a command for scripts: System.CommandLine's own parse errors (a missing option value, an unknown
/// token) and <see cref="CommandLineUsageException"/>s become a single <c>error: …</c> line on stderr and exit
/// code 2, instead of the parser's multi-line help and exit code 1, which scripts would mistake for the
/// command's own failure.
/// </summary>
internal sealed class OneLineErrorsAction(Func<ParseResult, int> run) : SynchronousCommandLineAction
{
    /// <summary>Exit code of a command line that cannot be run as written.</summary>
    public const int UsageExitCode = 2;

    // The action sees the parse errors itself, so it can report them its way.
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        try
        {
            if (parseResult.Errors.Count > 0)
            {
                throw new CommandLineUsageException(parseResult.Errors[0].Message);
            }

            if (parseResult.UnmatchedTokens.Count > 0)
            {
                throw new CommandLineUsageException($"unexpected argument '{parseResult.UnmatchedTokens[0]}'; see --help.");
            }

            return run(parseResult);
        }
        catch (CommandLineUsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UsageExitCode;
        }
    }
}
