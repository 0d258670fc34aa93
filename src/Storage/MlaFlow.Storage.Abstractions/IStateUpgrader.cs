using System.Text.Json.Nodes;

namespace MlaFlow.Storage;

/// <summary>Turns the JSON of one state format version into the next; applied on read, in order.</summary>
public interface IStateUpgrader
{
    /// <summary>The <see cref="StateTypeAttribute.Name"/> this upgrader applies to.</summary>
    string StateType { get; }

    /// <summary>The version it reads; it produces <c>FromVersion + 1</c>.</summary>
    int FromVersion { get; }

    JsonObject Upgrade(JsonObject state);
}
