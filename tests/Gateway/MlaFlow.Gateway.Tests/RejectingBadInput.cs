using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Grains.Requests;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// A bad create is answered with a problem naming everything that is wrong, and nothing is written: no request,
/// no request number used up, no audit record. A body that is JSON is answered 422 with every problem at its path
/// (with the requested state's rules: <see cref="RefusingByTheRequestedStatesRules"/>); one that is not, 400.
/// </summary>
public abstract class RejectingBadInput(StorageKind storage) : OfficerNodeTest(storage)
{
    [SkippableFact]
    public async Task malformed_json_is_a_bad_request()
    {
        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json("""{ "kind": "evidence", "requested": """));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["title"]!.GetValue<string>().ShouldBe("Malformed JSON");
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task a_value_of_the_wrong_json_type_is_named_by_its_path()
    {
        var body = Samples.Json(Samples.Evidence);
        body["offences"]![0]!["maximumPenalty"]!["months"] = "twelve";

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        await response.ShouldBeRefusedAsync("offences[0].maximumPenalty.months");
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task every_value_of_the_wrong_json_type_is_named_in_one_answer_in_words_without_dotnet_types()
    {
        var body = Samples.Json(Samples.Evidence);
        body["kind"] = 5;
        body["persons"] = new JsonObject { ["role"] = "suspect" };
        body["offences"]![0]!["maximumPenalty"] = new JsonObject { ["type"] = "imprisonment", ["months"] = "12" };
        body["attachments"]![0]!["size"] = 1.5;
        body["measures"]![1] = "witnessStatement";
        body["language"] = "english";

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        Errors(problem).ShouldBe([
            "kind: A string expected, not the number 5.",
            "offences[0].maximumPenalty.months: A whole number (-2147483648 to 2147483647) expected, not a string.",
            "persons: A list expected, not an object.",
            "measures[1]: An object expected, not a string.",
            "attachments[0].size: A whole number (-9223372036854775808 to 9223372036854775807) expected, not the number 1.5.",
            "language: 'english' is not the ISO 639-1 code of the language the request is written in, such as en.",
        ]);
        problem.ToJsonString().ShouldNotMatch(@"System\.|MlaFlow\.|Int32|Int64|String\b|LanguageCode|JsonElement");
        await NothingWrittenAsync();
    }

    [SkippableTheory]
    [InlineData("""{ "language": "en", "language": "th" }""", "language")]
    [InlineData("""{ "requested": { "state": "TH", "authority": "TH-OAG", "state": "TH" } }""", "requested.state")]
    [InlineData("""{ "persons": [ { "role": "suspect", "name": { "familyName": "WANG", "FamilyName": "LI" } } ] }""", "persons[0].name.familyName")]
    public async Task a_field_given_twice_is_refused_by_its_path(string json, string path)
    {
        var others = Samples.Json(Samples.Evidence);
        using (var given = JsonDocument.Parse(json))
        {
            foreach (var member in given.RootElement.EnumerateObject())
            {
                others.Remove(member.Name);
            }
        }

        // The sample's other fields, then those with a key given twice, as text: a JSON tree cannot hold a key twice.
        var text = others.ToJsonString()[..^1] + ", " + json.Trim()[1..];

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(text));

        (await response.ShouldBeRefusedAsync(path)).ShouldBe(["Given more than once; give each field once."]);
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task a_body_nested_deeper_than_16_is_malformed()
    {
        var body = Samples.Json(Samples.Evidence);
        body["summaryOfFacts"] = JsonNode.Parse(new string('[', 17) + new string(']', 17));

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem["title"]!.GetValue<string>().ShouldBe("Malformed JSON");
        Errors(problem).Single().ShouldStartWith("$: The maximum configured depth of 16 has been exceeded.");
        await NothingWrittenAsync();
    }

    [SkippableTheory]
    [InlineData("summaryOfFacts")]
    [InlineData("requested.authority")]
    [InlineData("offences[0].maximumPenalty.type")]
    [InlineData("language")]
    [InlineData("attachments[0].category")]
    public async Task a_missing_required_field_is_named_by_its_path(string path)
    {
        var body = Samples.Json(Samples.Evidence);
        FieldPath.Remove(body, path);

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        (await response.ShouldBeRefusedAsync(path)).ShouldContain(m => m.StartsWith("Required", StringComparison.Ordinal));
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task an_unknown_kind_is_refused()
    {
        var body = Samples.Json(Samples.Evidence);
        body["kind"] = "rogatoryLetter";

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        (await response.ShouldBeRefusedAsync("kind")).Single().ShouldContain("rogatoryLetter");
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task a_language_must_be_an_iso_639_1_code()
    {
        var body = Samples.Json(Samples.Evidence);
        body["language"] = "english";

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        (await response.ShouldBeRefusedAsync("language")).Single().ShouldContain("english");
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task a_translation_names_its_language()
    {
        var body = Samples.Json(Samples.Evidence);
        body["attachments"]![0]!["category"] = "translation";

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        (await response.ShouldBeRefusedAsync("attachments[0].language")).Single().ShouldStartWith("Required");
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task an_unknown_field_is_refused_rather_than_dropped()
    {
        var body = Samples.Json(Samples.Evidence);
        body["summaryOfFact"] = "A misspelt field name.";

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        (await response.ShouldBeRefusedAsync("summaryOfFact")).ShouldBe(["Unknown field."]);
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task more_persons_than_allowed_are_refused()
    {
        var body = Samples.Json(Samples.Evidence);
        var persons = new JsonArray();
        for (var i = 0; i < RequestLimits.MaxPersons + 1; i++)
        {
            persons.Add(body["persons"]![0]!.DeepClone());
        }

        body["persons"] = persons;

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        (await response.ShouldBeRefusedAsync("persons")).Single().ShouldContain("51");
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task a_body_over_256_kib_is_too_large()
    {
        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(Oversize()));

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task a_body_over_256_kib_is_too_large_even_without_a_content_length()
    {
        using var content = new ChunkedContent(Oversize());
        content.Headers.ContentLength.ShouldBeNull();

        using var response = await Officer.PostAsync("/api/v1/requests", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await NothingWrittenAsync();
    }

    [SkippableTheory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task a_body_that_is_not_json_is_an_unsupported_media_type(string mediaType)
    {
        using var content = new StringContent(Samples.Text(Samples.Evidence), Encoding.UTF8, mediaType);

        using var response = await Officer.PostAsync("/api/v1/requests", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await NothingWrittenAsync();
    }

    [SkippableFact]
    public async Task a_request_to_the_requesting_state_itself_is_refused()
    {
        var body = Samples.Json(Samples.Evidence);
        body["requested"] = new JsonObject { ["state"] = "CN", ["authority"] = "CN-MPS" };

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        await response.ShouldBeRefusedAsync("requested.state");
        await NothingWrittenAsync();
    }

    private async Task NothingWrittenAsync() => (await Node.CountsAsync()).ShouldBe(Before);

    /// <summary>The problem's errors in the order given, one <c>path: message</c> a message.</summary>
    private static List<string> Errors(JsonNode problem) =>
        [.. problem["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => $"{e.Key}: {m!.GetValue<string>()}"))];

    /// <summary>The evidence sample with its summary padded past the body limit; still valid JSON.</summary>
    private static string Oversize()
    {
        var body = Samples.Json(Samples.Evidence);
        body["summaryOfFacts"] = new string('x', RequestLimits.MaxBodyBytes);
        return body.ToJsonString();
    }

    /// <summary>Removes the member at a path such as <c>offences[0].maximumPenalty.type</c>.</summary>
    private static void Remove(JsonObject body, string path)
    {
        JsonNode node = body;
        var steps = path.Split('.');
        foreach (var step in steps[..^1])
        {
            node = step.EndsWith(']') ? node[step[..step.IndexOf('[')]]![int.Parse(step[(step.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[step]!;
        }

        node.AsObject().Remove(steps[^1]).ShouldBeTrue($"the sample has {path}");
    }
}

public sealed class RejectingBadInputOnSqlite() : RejectingBadInput(StorageKind.Sqlite);

public sealed class RejectingBadInputOnPostgres() : RejectingBadInput(StorageKind.Postgres);
