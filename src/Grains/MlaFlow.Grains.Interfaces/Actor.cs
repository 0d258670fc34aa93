using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Grains;

/// <summary>Who acts: a user of an authority in a role. Written into timelines and the audit chain.</summary>
public sealed record Actor(AuthorityId Authority, string Role, string Subject)
{
    public override string ToString() => $"{Role}:{Authority}:{Subject}";
}
