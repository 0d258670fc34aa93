namespace MlaFlow.Gateway.Apis.Requests;

/// <summary>Field errors keyed by JSON path (<c>persons[2].name.familyName</c>), collected so all are reported at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreadable = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string path, string message)
    {
        if (!_unreadable.Contains(path))
        {
            Append(path, message);
        }
    }

    /// <summary>
    /// A value that could not be read at all (of the wrong JSON type, an unknown or repeated field). It is reported
    /// once, as such: the field then reads as absent, and what a reader says of an absent field there ("Required.")
    /// would only repeat it.
    /// </summary>
    public void Unreadable(string path, string message)
    {
        _unreadable.Add(path);
        Append(path, message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    private void Append(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var messages))
        {
            _errors[path] = messages = [];
        }

        messages.Add(message);
    }
}
