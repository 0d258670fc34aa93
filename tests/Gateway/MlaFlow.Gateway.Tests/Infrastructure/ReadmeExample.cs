using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Text;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests.Infrastructure;

/// <summary>
/// The README's "Try the API" shell example, parsed so a test can replay it: who the token is for, and
/// each curl call (method, path, headers, <c>--data @file</c>). Only the curl options the README uses are
/// understood; anything else fails, so the example and its test cannot drift apart quietly.
/// </summary>
internal sealed partial record ReadmeExample(string Authority, string Role, IReadOnlyList<ReadmeExample.Call> Calls)
{
    public static ReadmeExample Load()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var section = readme[readme.IndexOf("## Try the API", StringComparison.Ordinal)..];
        var script = ShellBlock().Match(section).Groups["script"].Value.Replace("\\\n", " ", StringComparison.Ordinal);
        var lines = script.Split('\n', StringSplitOptions.TrimEntries);
        var token = TokenCommand().Match(script);
        if (!token.Success)
        {
            throw new InvalidOperationException("The README's example no longer makes a token with `token --authority … --role …`.");
        }

        var calls = lines.Where(l => l.StartsWith("curl ", StringComparison.Ordinal)).Select(Call.Parse).ToList();
        return new ReadmeExample(token.Groups["authority"].Value, token.Groups["role"].Value, calls);
    }

    /// <summary>One curl call; <see cref="Headers"/> may name <c>$TOKEN</c>.</summary>
    public sealed record Call(HttpMethod Method, string PathAndQuery, IReadOnlyList<(string Name, string Value)> Headers, string? DataFile)
    {
        public static Call Parse(string line)
        {
            var method = HttpMethod.Get;
            string? url = null, dataFile = null;
            var headers = new List<(string, string)>();
            var words = Words(line);
            for (var i = 1; i < words.Count; i++)
            {
                switch (words[i])
                {
                    case "-s":
                        break;
                    case "-X":
                        method = HttpMethod.Parse(words[++i]);
                        break;
                    case "-H":
                        var header = words[++i].Split(':', 2, StringSplitOptions.TrimEntries);
                        headers.Add((header[0], header[1]));
                        break;
                    case "--data" when words[i + 1].StartsWith('@'):
                        dataFile = words[++i][1..];
                        method = method == HttpMethod.Get ? HttpMethod.Post : method;
                        break;
                    case var word when word.StartsWith("http", StringComparison.Ordinal):
                        url = word;
                        break;
                    default:
                        throw new InvalidOperationException($"The README's curl call uses '{words[i]}', which this test does not understand: {line}");
                }
            }

            return new Call(method, new Uri(url ?? throw new InvalidOperationException($"No URL in: {line}")).PathAndQuery, headers, dataFile);
        }

        /// <summary>The call as an HTTP request, with <c>$TOKEN</c> replaced by <paramref name="token"/>.</summary>
        public HttpRequestMessage ToRequest(string token)
        {
            var request = new HttpRequestMessage(Method, PathAndQuery);
            if (DataFile is not null)
            {
                // curl --data @file sends the file's bytes (minus line breaks, which JSON does not need).
                var text = File.ReadAllText(RepositoryRoot.Combine(DataFile.Split('/'))).Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            }

            foreach (var (name, value) in Headers)
            {
                var resolved = value.Replace("$TOKEN", token, StringComparison.Ordinal);
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(resolved);
                }
                else
                {
                    request.Headers.TryAddWithoutValidation(name, resolved).ShouldBeTrue(name);
                }
            }

            return request;
        }

        /// <summary>Splits a shell line into words, honouring double quotes (all the README uses).</summary>
        private static List<string> Words(string line)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            var quoted = false;
            foreach (var c in line)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (char.IsWhiteSpace(c) && !quoted)
                {
                    if (word.Length > 0)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                    }
                }
                else
                {
                    word.Append(c);
                }
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
            }

            return words;
        }
    }

    [GeneratedRegex(@"```sh\n(?<script>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"token --authority (?<authority>\S+) --role (?<role>[a-z]+)")]
    private static partial Regex TokenCommand();
}
