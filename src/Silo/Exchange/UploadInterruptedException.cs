namespace MlaFlow.Silo.Exchange;

/// <summary>A file's upload stopped before the recipient held it; it resumes at the next attempt.</summary>
public sealed class UploadInterruptedException(string message, Exception? inner = null) : Exception(message, inner);
