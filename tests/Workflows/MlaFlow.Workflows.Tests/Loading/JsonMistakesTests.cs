namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>Files that are not JSON, or JSON beyond the loader's bounds: refused with one problem, before any member is read.</summary>
public sealed class JsonMistakesTests
{
    [Fact]
    public void malformed_json_is_one_problem_at_the_line_where_the_reader_stopped()
    {
        var json = Samples.RequestedEvidence.Replacing("\"version\": 1,", "\"version\": 1");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:5: $.version: Not valid JSON at column 3: '\"' is invalid after a value. Expected either ',', '}', or ']'."]);
    }

    [Fact]
    public void a_trailing_comma_is_malformed_json()
    {
        var json = Samples.RequestedEvidence.Replacing("\"status\": \"executed\" }\n", "\"status\": \"executed\" },\n");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:20: $.steps[6]: Not valid JSON at column 3: The JSON array contains a trailing comma at the end which is not supported in this mode. Change the reader options."]);
    }

    [Fact]
    public void an_empty_file_is_malformed_json()
    {
        Load.Problems("").ShouldHaveSingleItem().ShouldStartWith("requested-evidence.v1.json:1: $: Not valid JSON at column 1: ");
    }

    [Fact]
    public void a_file_over_one_mebibyte_is_refused_unread()
    {
        var json = Samples.RequestedEvidence.Replacing("Incoming request for evidence", new string('x', 1024 * 1024));

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:1: $: The file is larger than 1048576 bytes (1 MiB) and is refused unread; plugin files are a few KiB."]);
    }

    [Fact]
    public void nesting_deeper_than_32_levels_is_refused_unread()
    {
        // The condition sits at depth 6; 27 nested "not"s take it to 33.
        var nested = string.Concat(Enumerable.Repeat("{ \"not\": ", 27)) + "{ \"field\": \"request.kind\", \"op\": \"exists\" }" + new string('}', 27);
        var json = Samples.RequestedEvidence.Replacing("\"when\": { \"field\": \"request.urgency\", \"op\": \"in\", \"value\": [\"urgent\", \"immediate\"] }", "\"when\": " + nested);

        var path = "$.steps[2].cases[0].when" + string.Concat(Enumerable.Repeat(".not", 27));
        Load.Problems(json).ShouldBe(
            [$"requested-evidence.v1.json:14: {path}: Nested more than 32 levels deep; a workflow definition never needs that many, so the file is refused unread."]);
    }

    [Fact]
    public void nesting_of_exactly_32_levels_is_read()
    {
        var nested = string.Concat(Enumerable.Repeat("{ \"not\": ", 26)) + "{ \"field\": \"request.kind\", \"op\": \"exists\" }" + new string('}', 26);
        var json = Samples.RequestedEvidence.Replacing("\"when\": { \"field\": \"request.urgency\", \"op\": \"in\", \"value\": [\"urgent\", \"immediate\"] }", "\"when\": " + nested);

        Load.Problems(json).ShouldBeEmpty();
    }

    [Fact]
    public void a_member_written_twice_is_refused_at_its_second_occurrence()
    {
        var json = Samples.RequestedEvidence.Replacing(
            "\"title\": \"Incoming request for evidence\",", "\"title\": \"Incoming request for evidence\",\n  \"title\": \"Evidence\",");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:6: $.title: This member appears twice in the same object; keep one, as readers disagree on which one counts."]);
    }

    [Fact]
    public void a_definition_must_be_an_object()
    {
        Load.Problems("[]").ShouldBe(
            ["requested-evidence.v1.json:1: $: Must be an object with side, kind, version, title, start and steps, not an array."]);
    }
}
