namespace MlaFlow.Plugins.Tests.Walks;

/// <summary>The engine did not follow the planned route; the message says where it stood instead.</summary>
internal sealed class WalkFailedException(string message) : Exception(message);
