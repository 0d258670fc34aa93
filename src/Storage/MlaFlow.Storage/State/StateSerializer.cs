using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace MlaFlow.Storage.State;

/// <summary>
/// Turns states into tagged JSON and back. A row written by an older state version is upgraded on read
/// by the registered <see cref="IStateUpgrader"/>s, one version at a time; a row from a newer version,
/// or of another type, is refused rather than misread.
/// </summary>
public sealed class StateSerializer(IEnumerable<IStateUpgrader> upgraders, IOptions<StorageOptions> options)
{
    private readonly Dictionary<(string Type, int From), IStateUpgrader> _upgraders =
        upgraders.ToDictionary(u => (u.StateType, u.FromVersion));

    private readonly JsonSerializerOptions _json = options.Value.Json;

    private static readonly ConcurrentDictionary<Type, StateTypeAttribute> Descriptors = new();

    /// <summary>The name and current version of <paramref name="stateType"/>.</summary>
    public static StateTypeAttribute Describe(Type stateType) =>
        Descriptors.GetOrAdd(stateType, t => t.GetCustomAttribute<StateTypeAttribute>()
            ?? throw new InvalidOperationException($"State type {t.FullName} has no [StateType(name, version)] attribute."));

    public string Serialize(object state) => JsonSerializer.Serialize(state, state.GetType(), _json);

    public TState Deserialize<TState>(string storedType, long storedVersion, string payload) =>
        (TState)Deserialize(typeof(TState), storedType, storedVersion, payload);

    public object Deserialize(Type stateType, string storedType, long storedVersion, string payload)
    {
        var current = Describe(stateType);
        if (storedType != current.Name)
        {
            throw new InvalidOperationException($"The stored state is a '{storedType}', not a '{current.Name}'.");
        }

        if (storedVersion > current.Version)
        {
            throw new InvalidOperationException(
                $"The stored '{storedType}' is version {storedVersion}, newer than this build reads ({current.Version}); upgrade MlaFlow.");
        }

        if (storedVersion == current.Version)
        {
            return JsonSerializer.Deserialize(payload, stateType, _json)!;
        }

        var json = JsonNode.Parse(payload)!.AsObject();
        for (var version = (int)storedVersion; version < current.Version; version++)
        {
            var upgrader = _upgraders.GetValueOrDefault((storedType, version))
                ?? throw new InvalidOperationException($"No upgrader registered for '{storedType}' from version {version} to {version + 1}.");
            json = upgrader.Upgrade(json);
        }

        return json.Deserialize(stateType, _json)!;
    }
}
