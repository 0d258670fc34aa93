using System.Security.Claims;
using MlaFlow.Grains;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Security;

public static class CallerExtensions
{
    /// <summary>The caller as an <see cref="Actor"/>. Only called behind a policy that has checked the claims.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        AuthorityId.Parse(user.FindFirstValue(MlaFlowClaims.Authority)!),
        user.FindFirstValue(MlaFlowClaims.Role)!,
        user.FindFirstValue(MlaFlowClaims.Subject) ?? "unknown");
}
