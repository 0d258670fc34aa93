namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>Task form fields with bad names, unknown types, or members their type does not have.</summary>
public sealed class FormMistakesTests
{
    private const string Field = "{ \"name\": \"registrationNumber\", \"type\": \"text\", \"required\": true, \"maxLength\": 50 }";

    private static string WithForm(string fields) => Samples.RequestedEvidence.Replacing(Field, fields);

    [Fact]
    public void a_field_name_with_a_space_is_refused()
    {
        var json = WithForm("{ \"name\": \"registration number\", \"type\": \"text\" }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:9: $.steps[0].form[0].name: Field name 'registration number' must start with a letter and hold only letters and digits, at most 64 characters.",
        ]);
    }

    [Fact]
    public void an_unknown_field_type_is_refused_with_the_list_of_types()
    {
        var json = WithForm("{ \"name\": \"registrationNumber\", \"type\": \"string\" }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:9: $.steps[0].form[0].type: Unknown field type 'string'; expected one of text, number, date, boolean, choice."]);
    }

    [Fact]
    public void a_choice_field_lists_its_options()
    {
        var json = WithForm("{ \"name\": \"decision\", \"type\": \"choice\" }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:9: $.steps[0].form[0].options: Missing: a choice field lists the values it may take, e.g. [\"granted\", \"refused\"]."]);
    }

    [Fact]
    public void only_a_text_field_has_a_maximum_length()
    {
        var json = WithForm("{ \"name\": \"pages\", \"type\": \"number\", \"maxLength\": 50 }");

        Load.Problems(json).ShouldBe(
            ["requested-evidence.v1.json:9: $.steps[0].form[0].maxLength: Only a text field has a maxLength; remove it from this number field."]);
    }

    [Fact]
    public void two_fields_of_one_form_share_no_name()
    {
        var json = WithForm("{ \"name\": \"registrationNumber\", \"type\": \"text\" }, { \"name\": \"registrationNumber\", \"type\": \"date\" }");

        Load.Problems(json).ShouldBe(
        [
            "requested-evidence.v1.json:9: $.steps[0].form[1].name: Field 'registrationNumber' is already in this form at $.steps[0].form[0]; field names must be unique.",
        ]);
    }
}
