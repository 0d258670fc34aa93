namespace MlaFlow.Gateway.Security;

/// <summary>Claim names in MlaFlow tokens.</summary>
public static class MlaFlowClaims
{
    public const string Authority = "authority";
    public const string Role = "role";
    public const string Subject = "sub";
}
