using Microsoft.Extensions.Options;

namespace MlaFlow.Silo.Hosting;

/// <summary>Refuses exchange settings the node could not use, naming each key: <see cref="ExchangeSettings.Resolve"/> says what is wrong.</summary>
public sealed class ExchangeOptionsValidator : IValidateOptions<ExchangeOptions>
{
    public ValidateOptionsResult Validate(string? name, ExchangeOptions options)
    {
        var failures = new List<string>();
        ExchangeSettings.Resolve(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
