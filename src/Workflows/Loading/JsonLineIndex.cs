using System.Text.Json;
using System.Text.RegularExpressions;

namespace MlaFlow.Workflows.Loading;

/// <summary>
/// Where each JSON path of a document starts, found by one pass of <see cref="Utf8JsonReader"/> over it:
/// a member's position is its name's, an array item's is its first token's. The reader is the only JSON
/// parser involved, so lines here agree with the lines of its own syntax errors.
/// </summary>
internal sealed partial class JsonLineIndex
{
    private readonly Dictionary<string, JsonPosition> _positions;

    private JsonLineIndex(Dictionary<string, JsonPosition> positions, IReadOnlyList<(string Path, JsonPosition Position)> duplicateMembers)
    {
        _positions = positions;
        DuplicateMembers = duplicateMembers;
    }

    /// <summary>Members named twice in the same object, at their second (or later) occurrence.</summary>
    public IReadOnlyList<(string Path, JsonPosition Position)> DuplicateMembers { get; }

    /// <summary>An index of nothing, for a file that could not be read: every path is at its start.</summary>
    public static JsonLineIndex Empty { get; } = new([], []);

    /// <summary>Where <paramref name="path"/> starts, or null for a path that is not in the document.</summary>
    public JsonPosition? Find(string path) => _positions.TryGetValue(path, out var position) ? position : null;

    /// <summary>Indexes <paramref name="utf8"/>, or says why it is not JSON nested at most <paramref name="maxDepth"/> deep.</summary>
    public static JsonLineIndex? Build(ReadOnlySpan<byte> utf8, int maxDepth, out JsonSyntaxFailure? failure)
    {
        var positions = new Dictionary<string, JsonPosition>(StringComparer.Ordinal);
        var duplicates = new List<(string, JsonPosition)>();
        var open = new Stack<Container>();
        var lines = new LineCounter(utf8);

        // The reader's own limit is set above ours, so nesting is refused here, with a path and a plain message.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var position = JsonPosition.Start;
        try
        {
            while (reader.Read())
            {
                position = new JsonPosition(lines.LineAt(reader.TokenStartIndex), reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var container = open.Peek();
                        var name = reader.GetString()!;
                        container.MemberPath = JsonPaths.Member(container.Path, name);
                        if (!container.Names.Add(name))
                        {
                            duplicates.Add((container.MemberPath, position));
                        }

                        positions.TryAdd(container.MemberPath, position);
                        break;

                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.Pop();
                        break;

                    default:
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
                        {
                            // Decoding now refuses escapes no string can hold (a lone surrogate), so later reads cannot fail.
                            _ = reader.GetString();
                        }

                        var path = ValuePath(open);
                        positions.TryAdd(path, position);
                        if (open.TryPeek(out var parent) && parent.IsArray)
                        {
                            parent.Count++;
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            if (open.Count == maxDepth)
                            {
                                failure = new JsonSyntaxFailure(path, position.Line,
                                    $"Nested more than {maxDepth} levels deep; a workflow definition never needs that many, so the file is refused unread.");
                                return null;
                            }

                            open.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray));
                        }

                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            failure = new JsonSyntaxFailure(ValuePath(open), line, $"Not valid JSON at column {column}: {ReaderLocation().Replace(e.Message, "")}");
            return null;
        }
        catch (InvalidOperationException e)
        {
            // Thrown by GetString for text that is well-formed JSON yet no valid string, e.g. "\ud800".
            failure = new JsonSyntaxFailure(ValuePath(open), position.Line, $"Not valid JSON: {e.Message}");
            return null;
        }

        failure = null;
        return new JsonLineIndex(positions, duplicates);
    }

    /// <summary>The path of the next value: the pending member of an object, the next item of an array, or the root.</summary>
    private static string ValuePath(Stack<Container> open) =>
        !open.TryPeek(out var container) ? JsonPaths.Root
        : container.IsArray ? JsonPaths.Item(container.Path, container.Count)
        : container.MemberPath ?? container.Path;

    // The reader appends its own 0-based location; ours is 1-based and leads the problem line instead.
    [GeneratedRegex(@"\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$")]
    private static partial Regex ReaderLocation();

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int Count { get; set; }
        public string? MemberPath { get; set; }
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Turns byte offsets into line numbers; offsets only grow, so counting newlines once is enough.</summary>
    private ref struct LineCounter(ReadOnlySpan<byte> utf8)
    {
        private readonly ReadOnlySpan<byte> _utf8 = utf8;
        private int _line = 1;
        private long _counted;

        public int LineAt(long offset)
        {
            _line += _utf8[(int)_counted..(int)offset].Count((byte)'\n');
            _counted = offset;
            return _line;
        }
    }
}
