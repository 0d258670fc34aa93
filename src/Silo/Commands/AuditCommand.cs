using System.CommandLine;
using MlaFlow.Storage.Auditing;

namespace MlaFlow.Silo.Commands;

/// <summary>
/// <c>audit verify [--authority CN-MOJ]</c>: recomputes the audit hash chains and checks the stored states against them;
/// exit code 3 when a chain is broken or a state does not match (each such state named).
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var authority = new Option<string?>("--authority") { Description = "Verify only this authority's chain (default: every authority the node serves)." };
        var verify = new Command("verify", "Recompute the audit chains, report the first broken link, and name every stored state that does not match its last audit record.") { authority };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parse, cancellationToken) => VerifyAsync(parse.GetValue(authority), parse.UnmatchedTokens, cancellationToken));
        return new Command("audit", "Audit chain tools.") { verify };
    }

    private static async Task<int> VerifyAsync(string? authority, IEnumerable<string> configurationArgs, CancellationToken cancellationToken)
    {
        if (NodeConfiguration.TryLoad(configurationArgs) is not var (node, _))
        {
            return 2;
        }

        await using var database = node.OpenDatabase();
        var verifier = new AuditChainVerifier(database);
        var broken = 0;
        IEnumerable<string> authorities = authority is null ? node.Authorities.Select(a => a.Value).Order() : [authority];
        foreach (var id in authorities)
        {
            var result = await verifier.VerifyAsync(id, cancellationToken);
            Console.WriteLine(result.Problem is null
                ? $"{id}: {result.VerifiedRecords} record(s), chain intact"
                : $"{id}: BROKEN after {result.VerifiedRecords} record(s): {result.Problem}");
            foreach (var problem in result.StateProblems)
            {
                Console.WriteLine($"{id}: BROKEN: {problem}");
            }

            broken += result.IsIntact ? 0 : 1;
        }

        return broken == 0 ? 0 : 3;
    }
}
