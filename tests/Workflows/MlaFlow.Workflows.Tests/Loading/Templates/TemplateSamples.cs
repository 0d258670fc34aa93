using MlaFlow.Workflows.Definitions;
using MlaFlow.Workflows.Loading;
using MlaFlow.Workflows.Loading.Templates;

namespace MlaFlow.Workflows.Tests.Loading.Templates;

/// <summary>
/// A template and a workflow file based on it, which the template tests start from; each mistake test changes one thing
/// in one of them, so the line numbers in its expected problem can be read off this file.
/// </summary>
internal static class TemplateSamples
{
    public const string TemplateFile = "requested-evidence.v1.json";

    public const string Template = """
        {
          "side": "requested",
          "kind": "evidence",
          "version": 1,
          "title": "Incoming request for evidence",
          "start": "register",
          "steps": [
            { "id": "register", "type": "task", "role": "officer", "title": "The central authority registers the request",
              "deadline": { "after": { "workingDays": 5 }, "outcome": "overdue" },
              "outcomes": { "registered": "check", "overdue": "escalate" } },
            { "id": "escalate", "type": "task", "role": "officer", "title": "Registration overdue", "outcomes": { "registered": "check" } },
            { "id": "check", "type": "task", "role": "officer", "title": "The central authority checks the request",
              "outcomes": { "accept": "execute", "refuse": "refused" } },
            { "id": "execute", "type": "task", "role": "executing", "title": "The competent authority carries it out", "outcomes": { "done": "executed" } },
            { "id": "executed", "type": "end", "status": "executed" },
            { "id": "refused", "type": "end", "status": "refused", "ground": "Prejudice to the sovereignty or security of the state" }
          ]
        }
        """;

    /// <summary>Every kind of change once: the title, members of two steps, a step replaced, one added and one removed.</summary>
    public const string BasedOnIt = """
        {
          "template": "requested-evidence.v1",
          "version": 2,
          "title": "Incoming request for mutual assistance (Act of 1992)",
          "change": {
            "register": { "title": "The Office of the Attorney General registers the request", "deadline": null, "outcomes": { "registered": "check" } },
            "refused": { "ground": "Art. 9(a): prejudice to the sovereignty or security of the Kingdom" }
          },
          "replace": [
            { "id": "execute", "type": "task", "role": "executing", "title": "Inquiry officials carry it out", "outcomes": { "done": "review" } }
          ],
          "add": [
            { "id": "review", "type": "task", "role": "officer", "title": "The central authority reviews the results", "outcomes": { "complete": "executed" } }
          ],
          "remove": ["escalate"]
        }
        """;

    public static WorkflowTemplates Templates(string template = Template) =>
        WorkflowTemplates.Of("templates", new Dictionary<string, string> { [TemplateFile] = template });

    /// <summary>Every problem of <paramref name="json"/> based on <paramref name="template"/>, as the author reads it.</summary>
    public static IReadOnlyList<string> Problems(string json, string template = Template) =>
        [.. WorkflowDefinitionLoader.Load(Samples.FileName, json, Load.Facts, templates: Templates(template)).Problems.Select(p => p.ToString())];

    /// <summary>The definition <paramref name="json"/> stands for; fails the test, listing the problems, when there are any.</summary>
    public static WorkflowDefinition Definition(string json, string template = Template)
    {
        var result = WorkflowDefinitionLoader.Load(Samples.FileName, json, Load.Facts, templates: Templates(template));
        result.Problems.ShouldBeEmpty(string.Join("\n", result.Problems));
        return result.Definition.ShouldNotBeNull();
    }
}
