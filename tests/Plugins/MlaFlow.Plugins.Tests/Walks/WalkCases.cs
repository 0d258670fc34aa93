using MlaFlow.Testing.Walks;

namespace MlaFlow.Plugins.Tests.Walks;

/// <summary>The (country, side, kind, end) test cases: one walk per end step of every shipped workflow.</summary>
public static class WalkCases
{
    /// <summary>Every end not listed in <see cref="UnreachableEnds"/>: each must be reached.</summary>
    public static TheoryData<string, string, string, string> Reachable() =>
        Cases(WalkTarget.All().Where(t => !UnreachableEnds.Listed.Any(u => u.Names(t))));

    private static TheoryData<string, string, string, string> Cases(IEnumerable<WalkTarget> targets)
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var target in targets)
        {
            data.Add(target.Country.Value, target.SideName, target.KindName, target.End.Id);
        }

        return data;
    }
}
