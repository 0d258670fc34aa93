using MlaFlow.Workflows.Loading;

namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>How problems reach the author: all at once, top to bottom, one line each, and never as an exception.</summary>
public sealed class ReportingTests
{
    [Fact]
    public void every_problem_is_reported_in_one_pass_in_document_order()
    {
        // Made bottom-up, to show the order is the file's and not the order of the checks.
        var json = Samples.RequestedEvidence
            .Replacing("\"status\": \"executed\"", "\"status\": \"done\"")
            .Replacing("\"request.urgency\"", "\"request.urgent\"")
            .Replacing("\"outcomes\": { \"sent\": \"check\" }", "\"outcomes\": { \"sent\": \"check\", \"failed\": \"escalate\" }")
            .Replacing("\"version\": 1", "\"version\": 0");

        Load.Problems(json).Select(p => p.Split(": ")[0] + ": " + p.Split(": ")[1]).ShouldBe(
        [
            "requested-evidence.v1.json:4: $.version",
            "requested-evidence.v1.json:12: $.steps[1].outcomes.failed",
            "requested-evidence.v1.json:14: $.steps[2].cases[0].when.field",
            "requested-evidence.v1.json:19: $.steps[5].status",
        ]);
    }

    [Fact]
    public void a_definition_with_any_problem_is_not_returned()
    {
        var result = WorkflowDefinitionLoader.Load(
            Samples.FileName, Samples.RequestedEvidence.Replacing("\"status\": \"executed\"", "\"status\": \"done\""), Load.Facts);

        result.Definition.ShouldBeNull();
        result.Succeeded.ShouldBeFalse();
        result.Problems.ShouldHaveSingleItem().ShouldBe(new DefinitionProblem(Samples.FileName, 19, "$.steps[5].status",
            "Unknown final status 'done'; expected one of executed, partiallyExecuted, refused, withdrawn, lapsed, surrendered, released, postponed, closed."));
    }

    [Fact]
    public void a_problem_reads_as_file_line_path_and_message()
    {
        new DefinitionProblem("requested-evidence.v1.json", 7, "$.steps[1].type", "Unknown step type 'tsak'.").ToString()
            .ShouldBe("requested-evidence.v1.json:7: $.steps[1].type: Unknown step type 'tsak'.");
    }

    [Fact]
    public void a_member_name_that_is_not_an_identifier_is_quoted_in_the_path()
    {
        var json = Samples.RequestedEvidence.Replacing("\"outcomes\": { \"done\": \"executed\" }", "\"outcomes\": { \"done\": \"executed\", \"it's\\ndone\": \"executed\" }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:18: $.steps[4].outcomes['it\\'s\\u000adone']: Outcome name 'it's\\u000adone' must start with a lowercase letter and hold only letters, digits and hyphens, at most 64 characters.",
        ]);
    }

    [Fact]
    public void loading_never_throws_on_a_cut_or_damaged_file()
    {
        // Every prefix, and every single-character deletion, of a valid file: the problems differ, but there always are some.
        var text = Samples.RequestingExtradition;
        for (var i = 0; i < text.Length; i++)
        {
            var damaged = new[] { text[..i], text.Remove(i, 1) };
            foreach (var json in damaged.Where(j => !char.IsWhiteSpace(text[i])))
            {
                var result = Should.NotThrow(() => WorkflowDefinitionLoader.Load(Samples.FileName, json, Load.Facts), $"at {i}");
                (result.Definition is null).ShouldBe(result.Problems.Count > 0, $"at {i}");
            }
        }
    }
}
