namespace MlaFlow.Silo.Commands;

/// <summary>The command line asks for something that cannot be done as written; the command prints the message as one <c>error:</c> line and exits 2.</summary>
internal sealed class CommandLineUsageException(string message) : Exception(message);
