using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Security;

/// <summary>Issues tokens for a node's users. Production deployments put an identity provider here; the node's own issuer serves set-up and tests.</summary>
public sealed class TokenIssuer(TokenSettings settings)
{
    /// <exception cref="ArgumentException">The role is not one of <see cref="Roles.All"/>, or the lifetime is not positive.</exception>
    public string Issue(AuthorityId authority, string role, string subject, DateTimeOffset now, TimeSpan lifetime)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'; use one of {string.Join(", ", Roles.All)}.", nameof(role));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TokenSettings.Issuer,
            Audience = TokenSettings.Audience,
            Subject = new ClaimsIdentity([
                new Claim(MlaFlowClaims.Subject, subject),
                new Claim(MlaFlowClaims.Authority, authority.Value),
                new Claim(MlaFlowClaims.Role, role),
            ]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}
