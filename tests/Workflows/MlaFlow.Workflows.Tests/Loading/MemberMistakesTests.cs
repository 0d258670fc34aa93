namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>Members that are misspelt, missing, of the wrong type or not one of the allowed names.</summary>
public sealed class MemberMistakesTests
{
    [Fact]
    public void a_misspelt_step_type_is_refused_with_the_list_of_step_types()
    {
        var json = Samples.RequestedEvidence.Replacing("\"id\": \"escalate\", \"type\": \"task\"", "\"id\": \"escalate\", \"type\": \"tsak\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:17: $.steps[3].type: Unknown step type 'tsak'; expected one of task, send, await, timer, decision, parallel, join, custom, end.",
        ]);
    }

    [Fact]
    public void a_misspelt_member_is_refused_rather_than_silently_ignored()
    {
        var json = Samples.RequestedEvidence.Replacing("\"title\": \"Registration overdue\"", "\"titel\": \"Registration overdue\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:17: $.steps[3].titel: Unknown member 'titel' in a task step; expected id, type, role, title, form, deadline, outcomes.",
        ]);
    }

    [Fact]
    public void an_unknown_top_level_member_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"version\": 1,", "\"version\": 1, \"author\": \"someone\",");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:4: $.author: Unknown member 'author' in a workflow definition; expected side, kind, version, title, start, steps.",
        ]);
    }

    [Fact]
    public void a_missing_member_is_named_by_its_path_and_located_at_the_object_that_lacks_it()
    {
        var json = Samples.RequestedEvidence.Replacing("\"message\": \"acknowledgement\", ", "");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:12: $.steps[1].message: Missing: the message type to send, one of request, acknowledgement, " +
            "requestForAdditionalInformation, additionalInformation, statusEnquiry, statusReply, partialResult, finalResult, refusal, " +
            "postponement, withdrawal, notice.",
        ]);
    }

    [Fact]
    public void a_missing_top_level_member_points_at_the_first_line()
    {
        var json = Samples.RequestedEvidence.Replacing("\"title\": \"Incoming request for evidence\",", "");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:1: $.title: Missing: a title for people, e.g. \"Incoming request for evidence\"."]);
    }

    [Fact]
    public void a_member_of_the_wrong_type_says_what_was_expected_and_what_was_found()
    {
        var json = Samples.RequestedEvidence.Replacing("\"version\": 1", "\"version\": \"1\"");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:4: $.version: Must be a whole number from 1 to 9999 (got a string)."]);
    }

    [Fact]
    public void an_unknown_side_is_refused_with_the_list_of_sides()
    {
        var json = Samples.RequestedEvidence.Replacing("\"side\": \"requested\"", "\"side\": \"incoming\"");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:2: $.side: Unknown side 'incoming'; expected one of requesting, requested."]);
    }

    [Fact]
    public void enum_values_are_matched_exactly_in_camel_case()
    {
        var json = Samples.RequestedEvidence.Replacing("\"kind\": \"evidence\"", "\"kind\": \"Evidence\"");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:3: $.kind: Unknown request kind 'Evidence'; expected one of evidence, provisionalArrest, extradition."]);
    }

    [Fact]
    public void a_step_id_with_capitals_is_refused()
    {
        var json = Samples.RequestedEvidence
            .Replacing("\"id\": \"escalate\"", "\"id\": \"Escalate\"")
            .Replacing("\"overdue\": \"escalate\"", "\"overdue\": \"Escalate\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:17: $.steps[3].id: Step id 'Escalate' must start with a lowercase letter and hold only lowercase letters, digits and hyphens, at most 64 characters.",
        ]);
    }

    [Fact]
    public void a_task_for_an_unknown_role_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"role\": \"executing\"", "\"role\": \"judge\"");

        Load.Problems(json).ShouldBe(["requested-evidence.v1.json:18: $.steps[4].role: Unknown role 'judge'; expected one of officer, prosecutor, executing."]);
    }

    [Fact]
    public void a_misspelt_message_type_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"message\": \"acknowledgement\"", "\"message\": \"acknowledgment\"");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:12: $.steps[1].message: Unknown message type 'acknowledgment'; expected one of request, acknowledgement, " +
            "requestForAdditionalInformation, additionalInformation, statusEnquiry, statusReply, partialResult, finalResult, refusal, " +
            "postponement, withdrawal, notice.",
        ]);
    }

    [Fact]
    public void an_await_step_waiting_for_both_a_message_and_a_signal_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing(
            "{ \"id\": \"acknowledge\", \"type\": \"send\", \"message\": \"acknowledgement\", \"outcomes\": { \"sent\": \"check\" } }",
            "{ \"id\": \"acknowledge\", \"type\": \"await\", \"message\": \"acknowledgement\", \"signal\": \"acknowledged\", \"outcomes\": { \"received\": \"check\" } }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:12: $.steps[1].signal: An await step waits for a message or a signal, not both; remove one."]);
    }

    [Fact]
    public void a_step_that_is_not_an_object_is_refused()
    {
        var json = Samples.RequestedEvidence.Replacing("\"steps\": [", "\"steps\": [ \"register\",");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:7: $.steps[0]: Must be a step such as { \"id\": \"register\", \"type\": \"task\", … }, not a string."]);
    }
}
