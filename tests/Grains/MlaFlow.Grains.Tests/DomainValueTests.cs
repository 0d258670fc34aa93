using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;

namespace MlaFlow.Grains.Tests;

/// <summary>Ids and codes validate on construction, so a malformed one never reaches a grain.</summary>
public sealed class DomainValueTests
{
    [Theory]
    [MemberData(nameof(LancangMekong.States), MemberType = typeof(LancangMekong))]
    public void the_lancang_mekong_states_are_country_codes(string code)
    {
        CountryCode.Parse(code).Value.ShouldBe(code);
    }

    [Theory]
    [InlineData("th")]
    [InlineData("ZX")]
    [InlineData("THA")]
    [InlineData("")]
    [InlineData("UK")]
    public void anything_but_an_assigned_or_x_block_upper_case_alpha_2_code_is_refused(string code)
    {
        CountryCode.TryParse(code, null, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => CountryCode.Parse(code)).Message.ShouldContain("ISO 3166-1 alpha-2");
    }

    [Theory]
    [InlineData("XA")]
    [InlineData("XZ")]
    public void the_user_assigned_x_codes_name_sample_and_test_states(string code)
    {
        CountryCode.Parse(code).Value.ShouldBe(code);
    }

    [Theory]
    [InlineData("CN-MOJ", "CN")]
    [InlineData("TH-OAG", "TH")]
    [InlineData("VN-SPP2", "VN")]
    public void an_authority_id_names_its_state(string id, string country)
    {
        AuthorityId.Parse(id).Country.ShouldBe(CountryCode.Parse(country));
    }

    [Theory]
    [InlineData("CN_MOJ")]
    [InlineData("cn-moj")]
    [InlineData("ZX-MOJ")]
    [InlineData("CN-M")]
    [InlineData("CN-ABCDEFGHIJKLMNOPQ")]
    [InlineData("CN-MOJ\n")]
    public void a_malformed_authority_id_is_refused(string id)
    {
        AuthorityId.TryParse(id, null, out _).ShouldBeFalse();
    }

    [Fact]
    public void a_request_id_is_the_authority_the_year_and_a_six_digit_number()
    {
        var id = RequestId.Create(AuthorityId.Parse("CN-MOJ"), 2026, 42);

        id.Value.ShouldBe("CN-MOJ-2026-000042");
        RequestId.Parse(id.Value).ShouldBe(id);
        RequestId.Parse(id.Value).Authority.Value.ShouldBe("CN-MOJ");
    }

    [Theory]
    [InlineData("CN-MOJ-2026-42")]
    [InlineData("CN-MOJ-1999-000001")]
    [InlineData("CN-MOJ-2026-000000")]
    [InlineData("ZX-MOJ-2026-000001")]
    [InlineData("../../etc/passwd")]
    public void a_malformed_request_id_is_refused(string id)
    {
        RequestId.TryParse(id, null, out _).ShouldBeFalse();
    }
}
