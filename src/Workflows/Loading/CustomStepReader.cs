using System.Text;
using System.Text.Json.Nodes;
using MlaFlow.Plugins.Sdk.Extensions;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Reads a custom step: a <c>handler</c> the plugin's assembly provides, its optional <c>settings</c>, and
/// <c>outcomes</c> that map exactly the outcomes the handler declares. The handler may return any of them, so
/// one left unmapped would fault requests at run time; one it never returns would be a dead entry.
/// </summary>
internal sealed class CustomStepReader
{
    /// <summary>
    /// Settings are copied for every run of the step, so they are kept small (16 KiB of JSON as written in the
    /// file, indentation included); larger data belongs in a file beside plugin.json that the settings name.
    /// </summary>
    public const int MaxSettingsBytes = 16 * 1024;

    private const string SettingsExample = "{ \"list\": \"watch-list.txt\" }";
    private const string WhereHandlersComeFrom = "listed in plugin.json under assembly.steps";

    private readonly IReadOnlyList<ICustomStep> _handlers;
    private readonly Dictionary<string, ICustomStep> _byName;
    private readonly Suggestions _suggestions;

    /// <param name="handlers">The plugin's handlers, names unique (the loader has checked).</param>
    /// <param name="suggestions">For near misses among the handler names and outcomes.</param>
    public CustomStepReader(IReadOnlyList<ICustomStep> handlers, Suggestions suggestions)
    {
        _handlers = handlers;
        _byName = handlers.ToDictionary(h => h.Name, StringComparer.Ordinal);
        _suggestions = suggestions;
    }

    public CustomStep? Read(ObjectReader step, string id)
    {
        var handler = Handler(step);
        var settings = Settings(step);
        var outcomes = OutcomeMap.Read(step, handler is null
            ? "a custom step maps each outcome its handler returns to the next step's id, e.g. { \"clear\": \"assign\", \"match\": \"review-match\" }"
            : $"a custom step maps each outcome its handler returns ({Quote.List(handler.Outcomes)}) to the next step's id");
        if (outcomes is not null && handler is not null)
        {
            // With the handler unknown, which outcomes are right is unknown too: only the handler is reported.
            CheckOutcomes(step, outcomes, handler);
        }

        return handler is not null && settings is not null && outcomes?.Targets() is { } targets
            ? new CustomStep(id, handler.Name, settings, targets)
            : null;
    }

    private ICustomStep? Handler(ObjectReader step)
    {
        var missingHint = _handlers.Count == 0
            ? $"the name of the handler that runs this step; the plugin's assembly must provide it, {WhereHandlersComeFrom}"
            : $"the name of the handler that runs this step, one of {Quote.List(Names)}";
        var name = step.String("handler", missingHint, Unknown, maxLength: 64);
        return name is null ? null : _byName[name];
    }

    private string? Unknown(string name)
    {
        if (_byName.ContainsKey(name))
        {
            return null;
        }

        return _handlers.Count == 0
            ? $"Unknown handler {Quote.Of(name)}: the plugin's assembly provides no custom steps. A custom step needs the plugin's assembly " +
              $"to provide its handler, {WhereHandlersComeFrom}."
            : $"Unknown handler {Quote.Of(name)}; expected one of the custom steps the plugin's assembly provides: {Quote.List(Names)}." +
              _suggestions.For(name, Names);
    }

    /// <summary>The settings (empty when absent), or null when they are not an object or too big (reported).</summary>
    private static JsonObject? Settings(ObjectReader step)
    {
        if (step.Object("settings", $"an object of settings for the handler, e.g. {SettingsExample}", missingHint: null) is not { } settings)
        {
            return step.Has("settings") ? null : [];
        }

        var text = settings.Element.GetRawText();
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > MaxSettingsBytes)
        {
            step.Problems.Add(settings.Path,
                $"Settings are at most {MaxSettingsBytes} bytes (16 KiB) of JSON (got {bytes}); keep larger data in a file beside plugin.json and name it here, " +
                $"e.g. {SettingsExample}.");
            return null;
        }

        // Parsed afresh from the text: the file's JsonDocument is disposed once loading ends, and the model must not point into it.
        return JsonNode.Parse(text)!.AsObject();
    }

    private void CheckOutcomes(ObjectReader step, OutcomeMap outcomes, ICustomStep handler)
    {
        var declared = handler.Outcomes;
        if (declared.Count == 0)
        {
            step.Problems.Add(step.PathOf("handler"),
                $"Handler {Quote.Of(handler.Name)} declares no outcomes, so a step it runs could never be left; its Outcomes must list every outcome it returns.");
            return;
        }

        foreach (var name in outcomes.Names.Where(n => !declared.Contains(n, StringComparer.Ordinal)))
        {
            outcomes.Reader.Problems.Add(outcomes.PathOf(name),
                $"Handler {Quote.Of(handler.Name)} never returns {Quote.Of(name)} (it returns {Quote.List(declared)}); remove it.{_suggestions.For(name, declared)}");
        }

        foreach (var name in declared.Where(n => !outcomes.Contains(n)).Distinct(StringComparer.Ordinal))
        {
            outcomes.Reader.Problems.Missing(outcomes.Reader.Path, name,
                $"handler {Quote.Of(handler.Name)} may return {Quote.Of(name)}, so map it to the next step's id");
        }
    }

    private IEnumerable<string> Names => _handlers.Select(h => h.Name);
}
