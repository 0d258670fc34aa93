using MlaFlow.Workflows.Loading;

namespace MlaFlow.Workflows.Tests.Loading.Templates;

/// <summary>
/// Each mistake in a template or in a workflow file based on one, and exactly what the author is told: every problem at
/// the file and line where it is written, the workflow file's first, then the template's.
/// </summary>
public sealed class TemplateMistakesTests
{
    private const string File = Samples.FileName;
    private const string Template = "templates/" + TemplateSamples.TemplateFile;

    [Fact]
    public void a_change_to_a_step_the_template_lacks_is_refused_with_the_closest_id()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("\"refused\": { \"ground\"", "\"refuesd\": { \"ground\"");

        TemplateSamples.Problems(json).ShouldBe([$"{File}:7: $.change.refuesd: The template has no step 'refuesd' to change. Did you mean 'refused'?"]);
    }

    [Fact]
    public void a_replacement_for_a_step_the_template_lacks_is_refused_and_is_no_step_of_the_definition()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("{ \"id\": \"execute\"", "{ \"id\": \"executr\"");

        TemplateSamples.Problems(json).ShouldBe(
        [
            $"{File}:10: $.replace[0].id: The template has no step 'executr' to replace. Did you mean 'execute'? A new step goes under add.",
            $"{File}:13: $.add[0]: Step 'review' cannot be reached from the start step 'register'; lead an outcome to it or remove it.",
        ]);
    }

    [Fact]
    public void removing_a_step_the_template_lacks_is_refused_and_the_step_meant_stays()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("[\"escalate\"]", "[\"escalat\"]");

        TemplateSamples.Problems(json).ShouldBe(
        [
            $"{File}:15: $.remove[0]: The template has no step 'escalat' to remove. Did you mean 'escalate'?",
            $"{Template}:11: $.steps[1]: Step 'escalate' cannot be reached from the start step 'register'; lead an outcome to it or remove it.",
        ]);
    }

    [Fact]
    public void adding_a_step_the_template_has_is_refused()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("{ \"id\": \"review\"", "{ \"id\": \"check\"");

        TemplateSamples.Problems(json).ShouldBe(
        [
            $"{File}:10: $.replace[0].outcomes.done: Outcome 'done' leads to 'review', but no step has that id.",
            $"{File}:13: $.add[0].id: The template has a step 'check' already; change it under change, or replace it whole under replace.",
        ]);
    }

    [Fact]
    public void a_mistake_in_a_changed_member_is_reported_in_the_workflow_file()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("\"deadline\": null,", "\"deadline\": null, \"role\": \"judge\",");

        TemplateSamples.Problems(json).ShouldBe([$"{File}:6: $.change.register.role: Unknown role 'judge'; expected one of officer, prosecutor, executing."]);
    }

    [Fact]
    public void a_mistake_in_the_template_is_reported_in_the_template_at_its_own_path()
    {
        // 'check' is the definition's second step, the escalation before it being removed, and the template's third.
        var template = TemplateSamples.Template.Replacing("\"role\": \"officer\", \"title\": \"The central authority checks", "\"role\": \"judge\", \"title\": \"The central authority checks");

        TemplateSamples.Problems(TemplateSamples.BasedOnIt, template).ShouldBe([$"{Template}:12: $.steps[2].role: Unknown role 'judge'; expected one of officer, prosecutor, executing."]);
    }

    [Fact]
    public void taking_out_a_member_a_step_needs_is_reported_at_the_change_that_takes_it_out()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("\"outcomes\": { \"registered\": \"check\" }", "\"outcomes\": null");

        TemplateSamples.Problems(json).ShouldBe(
            [$"{File}:6: $.change.register.outcomes: Missing: a task leaves through the outcomes its assignee chooses from, e.g. {{ \"done\": \"close\" }}."]);
    }

    [Theory]
    [InlineData("id", "\"refused-2\"")]
    [InlineData("type", "\"task\"")]
    public void a_change_keeps_the_steps_id_and_type(string member, string value)
    {
        var json = TemplateSamples.BasedOnIt.Replacing("\"refused\": { \"ground\"", $"\"refused\": {{ \"{member}\": {value}, \"ground\"");

        TemplateSamples.Problems(json).ShouldBe([$"{File}:7: $.change.refused.{member}: A change keeps the step's {member}; to make it another step, replace it whole under replace."]);
    }

    [Fact]
    public void a_step_given_two_fates_is_refused_at_the_second_and_what_follows_in_the_template_after_the_file()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("[\"escalate\"]", "[\"escalate\", \"refused\"]");

        TemplateSamples.Problems(json).ShouldBe(
        [
            $"{File}:7: $.change.refused: Step 'refused' is already removed, replaced or changed at $.remove[1]; say once what becomes of a template's step.",
            $"{Template}:13: $.steps[2].outcomes.refuse: Outcome 'refuse' leads to 'refused', but no step has that id.",
        ]);
    }

    [Fact]
    public void two_added_steps_with_one_id_are_refused_naming_the_file_of_the_first()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("\"executed\" } }\n", "\"executed\" } }, { \"id\": \"review\", \"type\": \"end\", \"status\": \"closed\" }\n");

        TemplateSamples.Problems(json).ShouldBe([$"{File}:13: $.add[1].id: Step id 'review' is already used by $.add[0] in {File}; step ids must be unique."]);
    }

    [Fact]
    public void a_member_a_file_based_on_a_template_does_not_have_is_refused()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("\"title\": \"Incoming", "\"titel\": \"Incoming");

        TemplateSamples.Problems(json).ShouldBe(
            [$"{File}:4: $.titel: Unknown member 'titel' in a workflow based on a template; expected template, version, title, change, replace, add, remove."]);
    }

    [Fact]
    public void an_unknown_template_is_refused_with_the_closest_one_there()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("\"requested-evidence.v1\"", "\"requested-evidnce.v1\"");

        TemplateSamples.Problems(json).ShouldBe(
        [
            $"{File}:2: $.template: No template 'requested-evidnce.v1' in templates. Did you mean 'requested-evidence.v1'? " +
            "A template is a file <name>.v<version>.json in the templates folder beside the plugins.",
        ]);
    }

    [Fact]
    public void a_template_is_named_with_its_version()
    {
        var json = TemplateSamples.BasedOnIt.Replacing("\"requested-evidence.v1\"", "\"requested-evidence\"");

        TemplateSamples.Problems(json).ShouldBe(
        [
            $"{File}:2: $.template: 'requested-evidence' is not a template's name and version, e.g. \"requested-evidence.v1\": " +
            "a name of lowercase letters, digits and hyphens (camelCase allowed), then .v and the version.",
        ]);
    }

    [Fact]
    public void without_templates_a_file_based_on_one_is_refused()
    {
        WorkflowDefinitionLoader.Load(File, TemplateSamples.BasedOnIt, Load.Facts).Problems.Select(p => p.ToString())
            .ShouldBe([$"{File}:2: $.template: No template 'requested-evidence.v1': no templates are available to this workflow."]);
    }

    [Fact]
    public void a_template_is_the_version_its_file_name_says()
    {
        var template = TemplateSamples.Template.Replacing("\"version\": 1", "\"version\": 2");

        TemplateSamples.Problems(TemplateSamples.BasedOnIt, template).ShouldBe(
            [$"{Template}:4: $.version: The file is requested-evidence.v1.json, so the template is version 1, not 2."]);
    }

    [Fact]
    public void a_template_is_not_based_on_another()
    {
        var template = TemplateSamples.Template.Replacing("\"version\": 1,", "\"version\": 1, \"template\": \"requesting-evidence.v1\",");

        TemplateSamples.Problems(TemplateSamples.BasedOnIt, template).ShouldBe(
            [$"{Template}:4: $.template: A template is a whole definition and is not itself based on a template; copy the steps it needs."]);
    }

    [Fact]
    public void a_template_that_is_not_json_is_reported_in_the_template()
    {
        var template = TemplateSamples.Template[..^10];

        TemplateSamples.Problems(TemplateSamples.BasedOnIt, template).ShouldHaveSingleItem().ShouldStartWith($"{Template}:16: $.steps[5].ground: Not valid JSON");
    }
}
