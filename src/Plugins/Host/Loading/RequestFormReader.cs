using System.Text.Json;
using System.Text.RegularExpressions;
using MlaFlow.Plugins.Host.Forms;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Workflows.Loading;

namespace MlaFlow.Plugins.Host.Loading;

/// <summary>Reads <c>forms/&lt;kind&gt;.json</c> (docs/plugins.md): rules in the workflows' condition language, checked against the fact catalogue.</summary>
internal static partial class RequestFormReader
{
    public static RequestForm? Read(JsonElement root, ProblemReport problems, FactCatalog facts)
    {
        if (ObjectReader.Of(root, "$", problems, "a request form { \"kind\", \"rules\" }") is not { } form)
        {
            return null;
        }

        form.RejectUnknown("a request form", ["kind", "rules"]);
        var kind = form.Enum<RequestKind>("kind", "request kind", "the request kind");
        if (form.Array("rules", "an array of rules", "the rules a request must meet") is not { } items)
        {
            return null;
        }

        var conditions = new ConditionReader(facts, new Suggestions());
        var rules = new List<FormRule>();
        foreach (var (item, path) in items)
        {
            if (ObjectReader.Of(item, path, problems, "a rule { \"id\", \"message\", \"when\", \"require\" }") is not { } rule)
            {
                continue;
            }

            rule.RejectUnknown("a rule", ["id", "message", "when", "require"]);
            var id = rule.String("id", "the rule id, e.g. \"warrant-or-judgment\"", text => RuleId().IsMatch(text) ? null : "Lower-case letters, digits and '-'.", 64);
            var message = rule.String("message", "what the submitter is told when the rule fails", maxLength: 500);
            var when = rule.Member("when", missingHint: null) is { } w ? conditions.Read(w, rule.PathOf("when"), problems) : null;
            var require = rule.Member("require", "the condition the request must meet") is { } r ? conditions.Read(r, rule.PathOf("require"), problems) : null;
            if (id is not null && message is not null && require is not null && (when is not null || !rule.Has("when")))
            {
                rules.Add(new FormRule(id, message, when, require));
            }
        }

        foreach (var duplicate in rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            problems.Add(form.PathOf("rules"), $"The rule id '{duplicate.Key}' is used twice.");
        }

        return kind is null || rules.Count != items.Count ? null : new RequestForm(kind.Value, rules);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}\\z")]
    private static partial Regex RuleId();
}
