using MlaFlow.Testing.Walks;

namespace MlaFlow.Grains.Tests.Walks;

/// <summary>Every end status of the walked workflows is either walked through the grains or listed in <see cref="GrainWalkCases.NotWalked"/> with the reason.</summary>
public sealed class GrainWalkCoverageTests
{
    [Fact]
    public void every_end_status_is_walked_or_listed_with_the_reason_it_is_not()
    {
        foreach (var (target, walk) in GrainWalkCases.Chosen())
        {
            var listed = GrainWalkCases.NotWalked.Where(n => n.Country == target.Country.Value && n.Side == target.SideName && n.Kind == target.KindName && n.Status == target.End.Status.ToString()).ToList();
            if (walk is null)
            {
                listed.ShouldHaveSingleItem($"No request reaches {target.Country} {target.SideName} {target.KindName} {target.End.Status} through the grains; list it in {nameof(GrainWalkCases.NotWalked)} with the reason.")
                    .Why.ShouldNotBeNullOrWhiteSpace();
            }
            else
            {
                listed.ShouldBeEmpty($"{target} is listed as not walked, but the grains reach it: take it off the list.");
            }
        }
    }
}
