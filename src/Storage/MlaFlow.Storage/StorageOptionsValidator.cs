using Microsoft.Extensions.Options;

namespace MlaFlow.Storage;

/// <summary>Refuses storage settings a node cannot run on, naming the key; the node stops at start with every message.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.TryParse<StorageProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            return ValidateOptionsResult.Fail($"{StorageOptions.Section}:Provider: '{options.Provider}' is not Sqlite or Postgres.");
        }

        return provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail($"{StorageOptions.Section}:Provider is Postgres but {StorageOptions.Section}:ConnectionString is not set.")
            : ValidateOptionsResult.Success;
    }
}
