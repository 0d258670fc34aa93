using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MlaFlow.Workflows.Conditions;
using MlaFlow.Workflows.Definitions;

namespace MlaFlow.Plugins.Tests.Templates;

/// <summary>
/// What a loaded definition means, as text and as a SHA-256 of that text: every member of every step, read off the
/// model the engine runs (not the file), so two files that define the same procedure in different words — a full
/// file and one based on a template — have the same fingerprint. Steps are keyed by id, since their order in the
/// file means nothing to the engine; the order of outcomes, form fields and cases is kept, since it does (a task's
/// outcomes are offered in that order, cases are tried in it).
/// </summary>
internal static class DefinitionFingerprint
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // A member the model gains later (null where unused) leaves the fingerprints of definitions that do not use it as they were.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new ByRuntimeType<Condition>() },
    };

    public static string Text(WorkflowDefinition definition)
    {
        var steps = definition.Steps.OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => KeyValuePair.Create(s.Id, JsonSerializer.SerializeToNode(s, s.GetType(), Options)));
        var rendered = new JsonObject
        {
            ["side"] = definition.Side.ToString(),
            ["kind"] = definition.Kind.ToString(),
            ["version"] = definition.Version,
            ["title"] = definition.Title,
            ["start"] = definition.Start,
            ["steps"] = new JsonObject(steps),
        };
        return rendered.ToJsonString(Options);
    }

    public static string Of(WorkflowDefinition definition) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(definition))));

    /// <summary>Writes a condition (an abstract record) with the members of what it is: a field comparison, all, any or not.</summary>
    private sealed class ByRuntimeType<T> : JsonConverter<T>
        where T : class
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(T);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Fingerprints are only written.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }
}
