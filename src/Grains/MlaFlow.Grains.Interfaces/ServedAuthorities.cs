using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains;

/// <summary>The central authorities this node serves; messages between two of them are delivered locally.</summary>
public sealed record ServedAuthorities(IReadOnlySet<AuthorityId> Authorities)
{
    public bool Serves(AuthorityId authority) => Authorities.Contains(authority);
}
