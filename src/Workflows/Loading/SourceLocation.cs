namespace MlaFlow.Workflows.Loading;

/// <summary>Where a value was written: the file, its path there, and its position, which orders the file's problems.</summary>
internal readonly record struct SourceLocation(SourceFile File, string Path, JsonPosition Position);
