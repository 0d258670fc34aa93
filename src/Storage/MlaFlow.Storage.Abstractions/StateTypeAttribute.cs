namespace MlaFlow.Storage;

/// <summary>
/// Names a persisted state type and its current format version. Both are stored next to the JSON so an
/// auditor can tell what a row holds, and so older rows can be upgraded on read by an
/// <see cref="IStateUpgrader"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StateTypeAttribute(string name, int version) : Attribute
{
    public string Name { get; } = name;

    public int Version { get; } = version;
}
