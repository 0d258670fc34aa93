using System.Net;
using System.Text.Json.Nodes;
using MlaFlow.Gateway.Tests.Infrastructure;
using MlaFlow.Testing;

namespace MlaFlow.Gateway.Tests;

/// <summary>
/// Names, identifiers and file names show what is stored: a character that reorders how text is shown (Unicode's
/// Bidi_Control: U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) is refused in them, naming the field and the
/// code point, and nothing is written. The zero-width space, non-joiner and joiner (U+200B–U+200D) that Thai, Khmer
/// and Myanmar text needs are kept, in free text and in names written in their original script. Files: see
/// <see cref="UploadingFiles"/> and <see cref="ReceivingAttachments"/>.
/// </summary>
public abstract class ShowingNamesAsStored(StorageKind storage) : OfficerNodeTest(storage)
{
    public static TheoryData<string> NamesAndIdentifiers { get; } = new(
        "persons[0].name.familyName",
        "persons[0].name.givenNames",
        "persons[0].name.originalScript",
        "persons[0].name.aliases[0]",
        "persons[0].identityDocuments[0].number",
        "attachments[0].name");

    [SkippableTheory]
    [MemberData(nameof(NamesAndIdentifiers))]
    public async Task a_right_to_left_override_in_a_name_or_an_identifier_is_refused_naming_the_field_and_the_code_point(string path)
    {
        var body = Samples.Json(Samples.Evidence);
        var value = FieldPath.Text(body, path);
        FieldPath.Set(body, path, value[..2] + '\u202E' + value[2..]);

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        (await response.ShouldBeRefusedAsync(path)).ShouldBe([
            "U+202E RIGHT-TO-LEFT OVERRIDE (character 3) is not allowed here: it changes the order in which the text is shown, so what people read would not be what is stored."]);
        (await Node.CountsAsync()).ShouldBe(Before);
    }

    [SkippableFact]
    public async Task every_bidi_control_is_refused_in_a_name_and_none_is_written()
    {
        var controls = new Dictionary<char, string>
        {
            ['\u061C'] = "U+061C ARABIC LETTER MARK",
            ['\u200E'] = "U+200E LEFT-TO-RIGHT MARK",
            ['\u200F'] = "U+200F RIGHT-TO-LEFT MARK",
            ['\u202A'] = "U+202A LEFT-TO-RIGHT EMBEDDING",
            ['\u202B'] = "U+202B RIGHT-TO-LEFT EMBEDDING",
            ['\u202C'] = "U+202C POP DIRECTIONAL FORMATTING",
            ['\u202D'] = "U+202D LEFT-TO-RIGHT OVERRIDE",
            ['\u202E'] = "U+202E RIGHT-TO-LEFT OVERRIDE",
            ['\u2066'] = "U+2066 LEFT-TO-RIGHT ISOLATE",
            ['\u2067'] = "U+2067 RIGHT-TO-LEFT ISOLATE",
            ['\u2068'] = "U+2068 FIRST STRONG ISOLATE",
            ['\u2069'] = "U+2069 POP DIRECTIONAL ISOLATE",
        };
        foreach (var (control, named) in controls)
        {
            var body = Samples.Json(Samples.Evidence);
            body["persons"]![1]!["name"]!["familyName"] = $"SOM{control}BOON";

            using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

            (await response.ShouldBeRefusedAsync("persons[1].name.familyName")).Single().ShouldStartWith($"{named} (character 4) is not allowed here");
        }

        (await Node.CountsAsync()).ShouldBe(Before);
    }

    [SkippableFact]
    public async Task thai_khmer_and_myanmar_text_keeps_its_word_breaks_and_joiners_in_free_text_and_original_script_names()
    {
        // U+200B marks word breaks in Thai and Khmer, which write no spaces between words; U+200C and U+200D choose
        // how Myanmar and Khmer letters join.
        const string thai = "ผู้ต้องสงสัย\u200Bโอนเงิน\u200Bผ่าน\u200Bธนาคาร";
        const string khmer = "ជន\u200Bសង្ស័យ\u200Cបាន\u200Dផ្ទេរ";
        const string myanmar = "ငွေ\u200Cလွှဲ\u200Dပြောင်း";
        var body = Samples.Json(Samples.Evidence);
        body["summaryOfFacts"] = $"{thai} {khmer} {myanmar}";
        body["measures"]![0]!["description"] = thai;
        body["persons"]![0]!["name"]!["originalScript"] = "สมชาย\u200Bใจดี";
        body["persons"]![1]!["name"]!["originalScript"] = "សុខ\u200Bសាន្ត";
        body["persons"]![0]!["name"]!["aliases"] = new JsonArray("မောင်\u200Cမောင်");

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        var id = (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        using var read = await Officer.GetAsync($"/api/v1/requests/{id}");
        var stored = await read.ShouldBeJsonAsync(HttpStatusCode.OK);
        stored["summaryOfFacts"]!.GetValue<string>().ShouldBe($"{thai} {khmer} {myanmar}");
        stored["measures"]![0]!["description"]!.GetValue<string>().ShouldBe(thai);
        stored["persons"]![0]!["name"]!["originalScript"]!.GetValue<string>().ShouldBe("สมชาย\u200Bใจดี");
        stored["persons"]![1]!["name"]!["originalScript"]!.GetValue<string>().ShouldBe("សុខ\u200Bសាន្ត");
        stored["persons"]![0]!["name"]!["aliases"]![0]!.GetValue<string>().ShouldBe("မောင်\u200Cမောင်");
    }

    [SkippableFact]
    public async Task free_text_may_hold_a_bidi_control()
    {
        // A note or a summary quoting a name in Arabic script needs its marks; only names, identifiers and file names
        // must show exactly what they hold.
        var body = Samples.Json(Samples.Evidence);
        body["summaryOfFacts"] = Samples.Json(Samples.Evidence)["summaryOfFacts"]!.GetValue<string>() + " Alias used: \u200Fعلي\u200E.";

        using var response = await Officer.PostAsync("/api/v1/requests", Body.Json(body));

        (await response.ShouldBeJsonAsync(HttpStatusCode.Created))["summaryOfFacts"]!.GetValue<string>().ShouldEndWith(" Alias used: \u200Fعلي\u200E.");
    }
}

public sealed class ShowingNamesAsStoredOnSqlite() : ShowingNamesAsStored(StorageKind.Sqlite);

public sealed class ShowingNamesAsStoredOnPostgres() : ShowingNamesAsStored(StorageKind.Postgres);
