using Microsoft.Extensions.Options;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Silo.Hosting;

/// <summary>Refuses a node that would serve an authority nobody can name.</summary>
public sealed class NodeOptionsValidator : IValidateOptions<NodeOptions>
{
    public ValidateOptionsResult Validate(string? name, NodeOptions options)
    {
        var failures = (options.Authorities ?? [])
            .Where(a => !AuthorityId.TryParse(a, null, out _))
            .Select(a => $"{NodeOptions.Section}:Authorities: '{a}' is not an authority id such as CN-MOJ.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
