namespace MlaFlow.Grains.Requests;

/// <summary>
/// A person's name in Latin script as in their documents, and as written in its original script
/// (Chinese, Thai, Lao, Khmer, Burmese, Vietnamese) where that differs; plus known aliases.
/// </summary>
public sealed record PersonName(string FamilyName, string GivenNames, string? OriginalScript, IReadOnlyList<string> Aliases);
