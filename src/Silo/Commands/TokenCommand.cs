using System.CommandLine;
using MlaFlow.Gateway.Security;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Silo.Hosting;

namespace MlaFlow.Silo.Commands;

/// <summary><c>token --authority CN-MOJ --role officer</c>: prints a bearer token signed with this node's key, and nothing else.</summary>
internal static class TokenCommand
{
    public static Command Create(TimeProvider time)
    {
        var authority = new Option<string>("--authority") { Description = "The central authority, e.g. CN-MOJ.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        var subject = new Option<string>("--subject") { Description = "Who the token names (default: cli).", DefaultValueFactory = _ => "cli" };
        var hours = new Option<int>("--hours") { Description = "Lifetime in hours, 1 to 720 (default 12).", DefaultValueFactory = _ => 12 };
        var command = new Command("token", "Print an API token for this node.") { authority, role, subject, hours };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse => Run(
            parse.GetValue(authority)!, parse.GetValue(role)!, parse.GetValue(subject)!, parse.GetValue(hours), parse.UnmatchedTokens, time));
        return command;
    }

    private static int Run(string authorityText, string role, string subject, int hours, IEnumerable<string> configurationArgs, TimeProvider time)
    {
        if (NodeConfiguration.TryLoad(configurationArgs) is not var (node, configuration))
        {
            return 2;
        }

        var problem = !AuthorityId.TryParse(authorityText, null, out var authority) ? $"'{authorityText}' is not an authority id such as CN-MOJ."
            : !node.Authorities.Contains(authority) ? $"{authority} is not served by this node (MlaFlow:Authorities: {string.Join(", ", node.Authorities)})."
            : !Roles.All.Contains(role) ? $"'{role}' is not a role; use one of {string.Join(", ", Roles.All)}."
            : hours is < 1 or > 720 ? "--hours must be from 1 to 720."
            : string.IsNullOrWhiteSpace(subject) || subject.Any(char.IsControl) ? "--subject must be printable text." : null;
        if (problem is not null)
        {
            Console.Error.WriteLine($"error: {problem}");
            return 2;
        }

        var key = SigningKeyStore.Load(configuration, node.DataPath);
        var token = new TokenIssuer(new TokenSettings(key.Bytes)).Issue(authority!, role, subject, time.GetUtcNow(), TimeSpan.FromHours(hours));
        Console.WriteLine(token);
        return 0;
    }
}
