using System.Net;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Security;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// A well-formed request that breaks what the requested state requires (src/Plugins/Countries/th:
/// plugin.json and forms/&lt;kind&gt;.json) is refused with 422 naming every problem, keyed by field path
/// or <c>rules.&lt;rule id&gt;</c>, and nothing is written. All go from CN-MOJ to Thailand.
/// </summary>
/// <remarks>
/// On SQLite only: the refusal is decided from the plugins before any number is taken or any row is
/// read, so the storage provider plays no part; creating on both providers is covered by
/// <see cref="CreatingRequests"/> and <see cref="WorkingThroughTasks"/>.
/// </remarks>
public sealed class RefusingByTheRequestedStatesRules() : OfficerNodeTest(StorageKind.Sqlite)
{
    private const string Thailand = "Kingdom of Thailand";

    [Fact]
    public async Task a_treaty_china_is_not_a_party_to_is_refused()
    {
        var body = Samples.Json(Samples.Evidence);
        body["legalBasis"] = Treaty("asean-mlat-2004");

        var errors = await RefusedAsync(body);

        errors.Keys.ShouldBe(["legalBasis.treatyId"]);
        errors["legalBasis.treatyId"].Single().ShouldStartWith("Treaty on Mutual Legal Assistance in Criminal Matters (ASEAN)");
        errors["legalBasis.treatyId"].Single().ShouldEndWith("is not in force between CN and TH.");
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task a_treaty_that_does_not_cover_the_kind_is_refused()
    {
        var body = Samples.Json(Samples.Evidence);
        body["legalBasis"] = Treaty("cn-th-extradition-1993");

        var errors = await RefusedAsync(body);

        errors.Keys.ShouldBe(["legalBasis.treatyId"]);
        errors["legalBasis.treatyId"].Single().ShouldStartWith("Treaty on Extradition between the People's Republic of China and the Kingdom of Thailand");
        errors["legalBasis.treatyId"].Single().ShouldContain("does not cover");
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task a_treaty_the_requested_state_does_not_apply_is_refused()
    {
        var body = Samples.Json(Samples.Evidence);
        body["legalBasis"] = Treaty("cn-de-mla-2000");

        var errors = await RefusedAsync(body);

        errors.Keys.ShouldBe(["legalBasis.treatyId"]);
        errors["legalBasis.treatyId"].Single().ShouldStartWith($"'cn-de-mla-2000' is not a treaty {Thailand} applies; known: ");
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task reciprocity_without_an_undertaking_is_refused()
    {
        var body = Samples.Json(Samples.Evidence);
        body["legalBasis"] = Reciprocity();

        var errors = await RefusedAsync(body);

        errors.Keys.ShouldBe(["rules.reciprocity"]);
        errors["rules.reciprocity"].ShouldBe(["Without a treaty with Thailand, the request carries the requesting state's undertaking of reciprocity (Act on Mutual Assistance in Criminal Matters B.E. 2535 (1992))."]);
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task reciprocity_with_an_undertaking_is_accepted()
    {
        var body = Samples.Json(Samples.Evidence);
        body["legalBasis"] = Reciprocity();
        body["attachments"]!.AsArray().Add(Attachment("reciprocity-undertaking.pdf", "assurance"));

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["legalBasis"]!["type"]!.GetValue<string>().ShouldBe("reciprocity");
    }

    [Fact]
    public async Task a_request_in_a_language_thailand_does_not_take_is_refused_without_a_translation()
    {
        var body = Samples.Json(Samples.Evidence);
        body["language"] = "zh";

        var errors = await RefusedAsync(body);

        // Thailand's form repeats the language check as its own rule, so both report it.
        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(["language"]);
        errors["language"].Single().ShouldStartWith($"{Thailand} takes requests in th, en; the request is in zh.");
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task a_request_in_a_language_thailand_does_not_take_is_accepted_with_a_translation_into_thai()
    {
        var body = Samples.Json(Samples.Evidence);
        body["language"] = "zh";
        body["attachments"]!.AsArray().Add(Attachment("request-th.pdf", "translation", language: "th"));

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        var created = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        created["language"]!.GetValue<string>().ShouldBe("zh");
        (await Node.CountsAsync()).Requests.ShouldBe(Before.Requests + 1);
    }

    [Fact]
    public async Task a_translation_into_a_language_thailand_does_not_take_is_refused()
    {
        var body = Samples.Json(Samples.Evidence);
        body["attachments"]!.AsArray().Add(Attachment("request-zh.pdf", "translation", language: "zh"));

        var errors = await RefusedAsync(body);

        errors.Keys.ShouldBe(["attachments[1].language"]);
        errors["attachments[1].language"].ShouldBe([$"{Thailand} accepts translations into th, en, not zh."]);
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task an_authority_the_requested_state_does_not_have_is_refused()
    {
        var body = Samples.Json(Samples.Evidence);
        body["requested"] = new JsonObject { ["state"] = "TH", ["authority"] = "TH-XYZ" };

        var errors = await RefusedAsync(body);

        errors.Keys.ShouldBe(["requested.authority"]);
        errors["requested.authority"].ShouldBe([$"TH-XYZ is not a central authority of {Thailand}; use TH-OAG."]);
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task an_extradition_without_the_warrant_is_refused()
    {
        var body = Samples.Json(Samples.Extradition);
        var attachments = body["attachments"]!.AsArray();
        attachments.RemoveAt(attachments.ToList().FindIndex(a => a!["category"]!.GetValue<string>() == "warrant"));

        var errors = await RefusedAsync(body);

        errors.Keys.ShouldBe(["rules.warrant-or-judgment"]);
        errors["rules.warrant-or-judgment"].ShouldBe(["An extradition request carries the warrant of arrest or the judgment."]);
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task every_problem_is_reported_in_one_answer()
    {
        var body = Samples.Json(Samples.Evidence);
        body["requested"] = new JsonObject { ["state"] = "TH", ["authority"] = "TH-XYZ" };
        body["legalBasis"] = Treaty("asean-mlat-2004");
        body["language"] = "zh";
        body["attachments"]!.AsArray().Add(Attachment("request-de.pdf", "translation", language: "de"));

        var errors = await RefusedAsync(body);

        errors.Keys.Order(StringComparer.Ordinal).ShouldBe(["attachments[1].language", "language", "legalBasis.treatyId", "requested.authority"]);
        errors["attachments[1].language"].ShouldBe([$"{Thailand} accepts translations into th, en, not de."]);
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task field_errors_and_the_requested_states_rules_come_in_one_answer()
    {
        var body = Samples.Json(Samples.Extradition);
        var attachments = body["attachments"]!.AsArray();
        attachments.RemoveAt(attachments.ToList().FindIndex(a => a!["category"]!.GetValue<string>() == "warrant"));
        body.Remove("summaryOfFacts");
        body["persons"]![0]!["name"]!["aliases"] = "Ah Lei";

        var errors = await RefusedAsync(body, "Invalid request");

        errors.Keys.ShouldBe(["persons[0].name.aliases", "summaryOfFacts", "rules.warrant-or-judgment"]);
        errors["rules.warrant-or-judgment"].ShouldBe(["An extradition request carries the warrant of arrest or the judgment."]);
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task a_rule_names_an_item_by_its_place_in_the_body_when_an_item_before_it_could_not_be_read()
    {
        var body = Samples.Json(Samples.Evidence);
        body["attachments"]![0]!["sha256"] = "not a digest";
        body["attachments"]!.AsArray().Add(Attachment("request-de.pdf", "translation", language: "de"));

        var errors = await RefusedAsync(body, "Invalid request");

        errors.Keys.ShouldBe(["attachments[0].sha256", "attachments[1].language"]);
        errors["attachments[1].language"].ShouldBe([$"{Thailand} accepts translations into th, en, not de."]);
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task without_the_requested_authority_only_the_fields_are_answered()
    {
        // Which state's rules apply is not known, so none can be checked.
        var body = Samples.Json(Samples.Extradition);
        body.Remove("requested");
        body["attachments"] = new JsonArray();

        var errors = await RefusedAsync(body, "Invalid request");

        errors.Keys.ShouldBe(["requested"]);
        await NothingWrittenAsync();
    }

    [Fact]
    public async Task a_refused_request_uses_up_no_number()
    {
        var refused = Samples.Json(Samples.Evidence);
        refused["legalBasis"] = Treaty("asean-mlat-2004");
        await RefusedAsync(refused);

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Sample(Samples.Evidence));

        (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>().ShouldEndWith("-000001");
    }

    [Fact]
    public async Task a_request_to_an_authority_no_node_reaches_is_refused_rather_than_queued_for_ever()
    {
        await using var chinaOnly = await GatewayNode.StartAsync(StorageKind.Sqlite, authorities: [GatewayNode.China]);
        using var officer = chinaOnly.ClientFor(GatewayNode.China, Roles.Officer);
        var before = await chinaOnly.CountsAsync();

        var errors = await RefusedAsync(Samples.Json(Samples.Evidence), caller: officer);

        errors.Keys.ShouldBe(["requested.authority"]);
        errors["requested.authority"].Single().ShouldStartWith("No node reaches TH-OAG: this node does not serve it, and no peer node with its public keys is configured");
        (await chinaOnly.CountsAsync()).ShouldBe(before);
    }

    /// <summary>Posts <paramref name="body"/> (as <paramref name="caller"/>, else the officer), asserts the 422 refusal, and returns its errors in the order given.</summary>
    private async Task<IReadOnlyDictionary<string, string[]>> RefusedAsync(
        JsonObject body, string title = "Refused by the requested state's rules", HttpClient? caller = null)
    {
        using var response = await (caller ?? Officer).PostAsync("/api/v1/requests", Body.Json(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem["title"]!.GetValue<string>().ShouldBe(title);
        var errors = problem["errors"]?.AsObject();
        errors.ShouldNotBeNull(problem.ToJsonString());
        return errors.ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray(), StringComparer.Ordinal);
    }

    private async Task NothingWrittenAsync() => (await Node.CountsAsync()).ShouldBe(Before);

    private static JsonObject Treaty(string id) => new() { ["type"] = "treaty", ["treatyId"] = id };

    private static JsonObject Reciprocity() => new() { ["type"] = "reciprocity" };

    private static JsonObject Attachment(string name, string category, string? language = null)
    {
        var attachment = new JsonObject
        {
            ["name"] = name,
            ["mediaType"] = "application/pdf",
            ["size"] = 31877,
            ["category"] = category,
            ["sha256"] = "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9",
        };
        if (language is not null)
        {
            attachment["language"] = language;
        }

        return attachment;
    }
}
