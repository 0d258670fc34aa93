namespace MlaFlow.Workflows.Loading;

/// <summary>
/// The fact paths a condition may name (docs/workflows.md, "Conditions"): the fixed request facts,
/// <c>plugin.&lt;fact&gt;</c> for each fact the plugin declares in <c>plugin.json</c>, and — added by the loader
/// for each definition — <c>form.&lt;step id&gt;.&lt;field name&gt;</c> for the fields of its own task forms.
/// A condition on any other path is refused at load, not found false at run time.
/// </summary>
public sealed class FactCatalog
{
    public const string RequestPrefix = "request.";
    public const string FormPrefix = "form.";
    public const string PluginPrefix = "plugin.";

    private readonly HashSet<string> _paths;

    /// <param name="pluginFacts">The names the plugin declares, without the <c>plugin.</c> prefix (<c>dualCriminalityConfirmed</c>).</param>
    /// <exception cref="ArgumentException">A name is blank or has surrounding whitespace.</exception>
    public FactCatalog(IEnumerable<string> pluginFacts)
    {
        ArgumentNullException.ThrowIfNull(pluginFacts);
        _paths = new HashSet<string>(Request, StringComparer.Ordinal);
        foreach (var name in pluginFacts)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Trim() != name)
            {
                throw new ArgumentException($"Plugin fact name '{name}' must be non-blank without surrounding whitespace.", nameof(pluginFacts));
            }

            _paths.Add(PluginPrefix + name);
        }
    }

    private FactCatalog(HashSet<string> paths) => _paths = paths;

    /// <summary>
    /// The facts every request has. <c>request.persons.*</c> and <c>request.offences.*</c> range over lists:
    /// <c>eq</c>/<c>in</c> hold when any item matches.
    /// </summary>
    public static IReadOnlyList<string> Request { get; } =
    [
        "request.kind",
        "request.urgency",
        "request.requestingState",
        "request.requestedState",
        "request.legalBasis.type",
        "request.persons.nationality",
        "request.persons.role",
        "request.offences.maximumPenalty.type",
        "request.offences.maximumPenalty.months",
        "request.language",
        "request.legalBasis.treatyId",
        "request.urgencyReason",
        "request.persons.dateOfBirth",
        "request.persons.identityDocuments.type",
        "request.measures.type",
        "request.attachments.category",
        "request.attachments.language",
    ];

    // Declared after Request: static initializers run in order, and the constructor reads Request.
    /// <summary>A catalogue with the request facts only, for plugins that declare no facts.</summary>
    public static FactCatalog RequestOnly { get; } = new(pluginFacts: []);

    /// <summary>Every known path, in no particular order.</summary>
    public IReadOnlySet<string> Paths => _paths;

    public bool Contains(string path) => _paths.Contains(path);

    /// <summary>This catalogue plus <c>form.&lt;step id&gt;.&lt;field name&gt;</c> for each given field; this one is left as it was.</summary>
    public FactCatalog WithFormFields(IEnumerable<(string StepId, string FieldName)> fields)
    {
        var paths = new HashSet<string>(_paths, StringComparer.Ordinal);
        paths.UnionWith(fields.Select(f => $"{FormPrefix}{f.StepId}.{f.FieldName}"));
        return new FactCatalog(paths);
    }
}
