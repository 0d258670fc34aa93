using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Tests.Loading.Templates;

/// <summary>A workflow file based on a template stands for the template with the file's changes, and nothing else (docs/workflows.md, "Templates").</summary>
public sealed class BasingOnATemplateTests
{
    private static readonly WorkflowDefinition Based = TemplateSamples.Definition(TemplateSamples.BasedOnIt);

    [Fact]
    public void the_side_kind_and_start_are_the_templates_and_the_version_and_title_the_files()
    {
        (Based.Side, Based.Kind, Based.Start).ShouldBe((WorkflowSide.Requested, RequestKind.Evidence, "register"));
        Based.Version.ShouldBe(2);
        Based.Title.ShouldBe("Incoming request for mutual assistance (Act of 1992)");
    }

    [Fact]
    public void the_steps_are_the_templates_less_those_removed_with_those_replaced_in_place_and_those_added_last()
    {
        Based.Steps.Select(s => s.Id).ShouldBe(["register", "check", "execute", "executed", "refused", "review"]);
        var execute = Based.Step("execute").ShouldBeOfType<TaskStep>();
        (execute.Role, execute.Title).ShouldBe(("executing", "Inquiry officials carry it out"));
        execute.Outcomes.ShouldBe(Outcomes(("done", "review")));
        Based.Step("review").ShouldBeOfType<TaskStep>().Title.ShouldBe("The central authority reviews the results");
    }

    [Fact]
    public void a_change_puts_each_member_it_gives_in_place_of_the_templates_and_null_takes_one_out()
    {
        var register = Based.Step("register").ShouldBeOfType<TaskStep>();

        register.Title.ShouldBe("The Office of the Attorney General registers the request");
        register.Deadline.ShouldBeNull();
        register.Outcomes.ShouldBe(Outcomes(("registered", "check")));
        register.Role.ShouldBe("officer");
        var refused = Based.Step("refused").ShouldBeOfType<EndStep>();
        (refused.Status, refused.Ground).ShouldBe((FinalStatus.Refused, "Art. 9(a): prejudice to the sovereignty or security of the Kingdom"));
    }

    [Fact]
    public void a_step_the_file_leaves_alone_is_the_templates()
    {
        var check = Based.Step("check").ShouldBeOfType<TaskStep>();

        check.Title.ShouldBe("The central authority checks the request");
        check.Outcomes.ShouldBe(Outcomes(("accept", "execute"), ("refuse", "refused")));
    }

    [Fact]
    public void a_file_that_only_names_its_template_and_version_is_the_template()
    {
        var plain = TemplateSamples.Definition("""{ "template": "requested-evidence.v1", "version": 1 }""");

        plain.Title.ShouldBe("Incoming request for evidence");
        plain.Steps.Select(s => s.Id).ShouldBe(["register", "escalate", "check", "execute", "executed", "refused"]);
    }

    private static Dictionary<string, string> Outcomes(params (string Outcome, string Next)[] outcomes) =>
        outcomes.ToDictionary(o => o.Outcome, o => o.Next, StringComparer.Ordinal);
}
