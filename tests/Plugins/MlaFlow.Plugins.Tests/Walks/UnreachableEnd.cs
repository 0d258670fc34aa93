using MlaFlow.Testing.Walks;

namespace MlaFlow.Plugins.Tests.Walks;

/// <summary>An end step no request can lead to, and why; see <see cref="UnreachableEnds"/>.</summary>
internal sealed record UnreachableEnd(string Country, string Side, string Kind, string End, string Why)
{
    public bool Names(WalkTarget target) =>
        target.Country.Value == Country && target.SideName == Side && target.KindName == Kind && target.End.Id == End;
}
