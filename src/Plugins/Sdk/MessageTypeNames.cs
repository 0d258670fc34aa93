using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Sdk;

/// <summary>
/// Message types as written everywhere outside code: in definitions, and in envelopes between nodes
/// (<c>finalResult</c>, <c>requestForAdditionalInformation</c>). One spelling, so both sides agree.
/// </summary>
public static class MessageTypeNames
{
    public static IReadOnlyList<string> All => EnumNames<MessageType>.All;

    public static string Name(MessageType type) => EnumNames<MessageType>.NameOf(type);

    public static bool TryParse(string name, out MessageType type) => EnumNames<MessageType>.TryParse(name, out type);
}
