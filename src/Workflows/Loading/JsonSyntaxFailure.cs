namespace MlaFlow.Workflows.Loading;

/// <summary>Why a document could not be read as JSON at all: where the reader stopped, and what it found there.</summary>
internal sealed record JsonSyntaxFailure(string Path, int Line, string Message);
