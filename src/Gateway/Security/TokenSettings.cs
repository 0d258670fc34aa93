using Microsoft.IdentityModel.Tokens;

namespace MlaFlow.Gateway.Security;

/// <summary>How tokens are signed and checked: HMAC-SHA256 with the node's key, for this issuer and audience.</summary>
public sealed class TokenSettings(byte[] signingKey)
{
    public const string Issuer = "mlaflow";
    public const string Audience = "mlaflow-api";

    /// <summary>HS256 keys shorter than the hash output weaken the MAC (RFC 7518, section 3.2).</summary>
    public const int MinimumKeyBytes = 32;

    public SymmetricSecurityKey SigningKey { get; } = signingKey.Length >= MinimumKeyBytes
        ? new SymmetricSecurityKey(signingKey)
        : throw new ArgumentException($"The token signing key must have at least {MinimumKeyBytes} bytes.", nameof(signingKey));

    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = MlaFlowClaims.Subject,
        RoleClaimType = MlaFlowClaims.Role,
        ClockSkew = TimeSpan.FromMinutes(1),
    };
}
