using Microsoft.AspNetCore.Authorization;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Security;

/// <summary>Who may call what. Every policy also requires an authority this node serves.</summary>
public static class Policies
{
    /// <summary>Read and write the authority's requests: officers and prosecutors, not admins.</summary>
    public const string CaseWork = "case-work";

    /// <summary>Read what the node knows of states and procedures (plugins): every role; it holds no personal data.</summary>
    public const string Reference = "reference";

    /// <summary>Operate the node's procedures (migrations): admins only; they see requests' ids and steps, not their contents.</summary>
    public const string Operations = "operations";

    public static void Add(AuthorizationOptions options, IReadOnlySet<AuthorityId> served)
    {
        options.AddPolicy(CaseWork, policy => ServedAuthority(policy, served).RequireRole(Roles.Officer, Roles.Prosecutor));
        options.AddPolicy(Reference, policy => ServedAuthority(policy, served).RequireRole([.. Roles.All]));
        options.AddPolicy(Operations, policy => ServedAuthority(policy, served).RequireRole(Roles.Admin));
    }

    private static AuthorizationPolicyBuilder ServedAuthority(AuthorizationPolicyBuilder policy, IReadOnlySet<AuthorityId> served) => policy
        .RequireAuthenticatedUser()
        .RequireAssertion(context => AuthorityId.TryParse(context.User.FindFirst(MlaFlowClaims.Authority)?.Value, null, out var authority)
            && served.Contains(authority));
}
