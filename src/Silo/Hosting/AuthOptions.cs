using Microsoft.Extensions.Options;
using MlaFlow.Gateway.Security;

namespace MlaFlow.Silo.Hosting;

/// <summary>Configuration section <c>MlaFlow:Auth</c>: the key API tokens are signed with (<see cref="SigningKeyStore"/>).</summary>
public sealed class AuthOptions
{
    public const string Section = "MlaFlow:Auth";

    /// <summary>A base64 HMAC key of at least 32 bytes; the node generates one into its data folder when not set.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Refuses a signing key that is not base64 or too short to sign with.</summary>
    public sealed class Validator : IValidateOptions<AuthOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuthOptions options)
        {
            if (options.SigningKey is not { Length: > 0 } key)
            {
                return ValidateOptionsResult.Success;
            }

            var bytes = new byte[(key.Length * 3 / 4) + 3];
            return !Convert.TryFromBase64String(key, bytes, out var length) ? ValidateOptionsResult.Fail($"{Section}:SigningKey is not base64.")
                : length < TokenSettings.MinimumKeyBytes ? ValidateOptionsResult.Fail($"{Section}:SigningKey is {length} bytes; an HMAC key for tokens is at least {TokenSettings.MinimumKeyBytes}.")
                : ValidateOptionsResult.Success;
        }
    }
}
