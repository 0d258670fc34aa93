using Microsoft.AspNetCore.Authorization;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Security;

/// <summary>Who may call what. Every policy also requires an authority this node serves.</summary>
public static class Policies
{
    /// <summary>Read and write the authority's requests: officers and prosecutors, not admins.</summary>
    public const string CaseWork = "case-work";

    public static void Add(AuthorizationOptions options, IReadOnlySet<AuthorityId> served)
    {
        options.AddPolicy(CaseWork, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Officer, Roles.Prosecutor)
            .RequireAssertion(context => AuthorityId.TryParse(context.User.FindFirst(MlaFlowClaims.Authority)?.Value, null, out var authority)
                && served.Contains(authority)));
    }
}
