using System.Text.Json.Nodes;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Workflows.Conditions;
using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// Checks a request against the requested state's plugin before it is opened: the authority addressed,
/// a legal basis in force between the two states for that kind, the language of the request or of a
/// translation, the state's form rules and its plugin's validators. Every problem is reported at once.
/// </summary>
public static class RequestAdmission
{
    /// <summary>The problems, keyed by field path or <c>rules.&lt;rule id&gt;</c>; empty when the request may be opened.</summary>
    /// <param name="draft">The request as submitted.</param>
    /// <param name="requestingState">The state of the authority submitting it.</param>
    /// <param name="plugins">The node's plugins; the requested state's is applied.</param>
    /// <param name="now">The time of the submission, for the plugin's validators.</param>
    public static IReadOnlyDictionary<string, string[]> Check(NewAssistanceRequest draft, CountryCode requestingState, PluginCatalog plugins, Instant now)
    {
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string key, string message) => (problems.TryGetValue(key, out var list) ? list : problems[key] = []).Add(message);

        if (plugins.For(draft.Requested.State) is not { } plugin)
        {
            Add("requested.state", $"This node has no plugin for {draft.Requested.State}, so requests to it cannot be checked or routed.");
            return Freeze(problems);
        }

        var manifest = plugin.Manifest;
        if (manifest.Authorities.All(a => a.Id != draft.Requested.Authority))
        {
            Add("requested.authority", $"{draft.Requested.Authority} is not a central authority of {manifest.Name}; use {string.Join(" or ", manifest.Authorities.Select(a => a.Id))}.");
        }

        CheckLegalBasis(draft, requestingState, plugin, Add);
        CheckLanguages(draft, plugin, Add);
        var facts = RequestFacts.Of(draft, requestingState, manifest.Facts);
        if (plugin.Forms.TryGetValue(draft.Kind, out var form))
        {
            foreach (var rule in form.Rules.Where(r => (r.When is null || ConditionEvaluator.Holds(r.When, facts)) && !ConditionEvaluator.Holds(r.Require, facts)))
            {
                Add($"rules.{rule.Id}", rule.Message);
            }
        }

        foreach (var validator in plugin.Code.Validators)
        {
            foreach (var (key, message) in Validate(validator, facts, now))
            {
                Add(key, message);
            }
        }

        return Freeze(problems);
    }

    private const int MaxProblemsPerValidator = 20;

    // The plugin's own code: its problems are the request's, but a validator that throws is the plugin's fault, and
    // the submitter is told so rather than shown the exception as if the request were wrong.
    private static List<(string Key, string Message)> Validate(IRequestValidator validator, JsonObject facts, Instant now)
    {
        try
        {
            return [.. validator.Validate((JsonObject)facts.DeepClone(), now.ToDateTimeOffset()).Take(MaxProblemsPerValidator)
                .Select(p => (Bounded(p.Field, 200) ?? $"rules.{validator.Name}", Bounded(p.Message, 500) ?? $"{validator.Name} refuses the request."))];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [($"rules.{validator.Name}", $"The requested state's plugin could not check this request ({validator.Name} failed: {e.Message}); tell the node's administrator.")];
        }
    }

    private static string? Bounded(string? text, int length) => string.IsNullOrWhiteSpace(text) ? null : text.Length <= length ? text : text[..length];

    private static void CheckLegalBasis(NewAssistanceRequest draft, CountryCode requestingState, CountryPlugin plugin, Action<string, string> add)
    {
        var manifest = plugin.Manifest;
        if (draft.LegalBasis.Type == LegalBasisType.Reciprocity)
        {
            if (!manifest.ReciprocityKinds.Contains(draft.Kind))
            {
                add("legalBasis.type", $"{manifest.Name} does not execute {Name(draft.Kind)} requests on reciprocity; name a treaty in force.");
            }

            return;
        }

        var treaty = manifest.LegalBases.FirstOrDefault(b => b.Id == draft.LegalBasis.TreatyId);
        var problem = treaty is null ? $"'{draft.LegalBasis.TreatyId}' is not a treaty {manifest.Name} applies; known: {string.Join(", ", manifest.LegalBases.Select(b => b.Id))}."
            : !treaty.Partners.Contains(requestingState) ? $"{treaty.Name} is not in force between {requestingState} and {manifest.Country}."
            : !treaty.Kinds.Contains(draft.Kind) ? $"{treaty.Name} does not cover {Name(draft.Kind)} requests."
            : null;
        if (problem is not null)
        {
            add("legalBasis.treatyId", problem);
        }
    }

    private static void CheckLanguages(NewAssistanceRequest draft, CountryPlugin plugin, Action<string, string> add)
    {
        var accepted = plugin.Manifest.RequestLanguages;
        for (var i = 0; i < draft.Attachments.Count; i++)
        {
            if (draft.Attachments[i] is { Category: AttachmentCategory.Translation, Language: { } language } && !accepted.Contains(language))
            {
                add($"attachments[{i}].language", $"{plugin.Manifest.Name} accepts translations into {string.Join(", ", accepted)}, not {language}.");
            }
        }

        var translated = draft.Attachments.Any(a => a.Category == AttachmentCategory.Translation && a.Language is { } l && accepted.Contains(l));
        if (!accepted.Contains(draft.Language) && !translated)
        {
            add("language", $"{plugin.Manifest.Name} takes requests in {string.Join(", ", accepted)}; the request is in {draft.Language}. Attach a translation (category translation) into one of them.");
        }
    }

    private static string Name(RequestKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> problems) =>
        problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
}
