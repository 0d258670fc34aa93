namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>End steps with a status that is not a final status, or a refusal that states no ground.</summary>
public sealed class EndMistakesTests
{
    [Fact]
    public void an_unknown_final_status_is_refused_with_the_list_of_statuses()
    {
        var json = Samples.RequestedEvidence.Replacing("\"status\": \"executed\"", "\"status\": \"done\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:19: $.steps[5].status: Unknown final status 'done'; expected one of executed, partiallyExecuted, refused, " +
            "withdrawn, lapsed, surrendered, released, postponed, closed.",
        ]);
    }

    [Fact]
    public void a_refused_end_states_its_ground()
    {
        var json = Samples.RequestedEvidence.Replacing("\"status\": \"executed\"", "\"status\": \"refused\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:19: $.steps[5].ground: Missing: a refused end states the ground of refusal it relies on, e.g. \"Art. 2(b): essential interests\".",
        ]);
    }
}
