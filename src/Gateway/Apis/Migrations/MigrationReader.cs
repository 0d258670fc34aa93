using MlaFlow.Gateway.Apis.Requests;
using MlaFlow.Grains.Requests;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Apis.Migrations;

/// <summary>Reads what a migration body says — version, step mapping, reason, procedure — recording every problem.</summary>
internal sealed class MigrationReader(ValidationErrors errors)
{
    private const int MaxStepIdLength = 64;

    private readonly FieldReader _read = new(errors);

    public WorkflowMigration? Migration(int? version, Dictionary<string, string>? steps, string? reason)
    {
        if (version is not (>= 1 and <= 9999))
        {
            errors.Add("version", "The version to move to, 1 to 9999.");
        }

        if (steps is null || steps.Count == 0)
        {
            errors.Add("steps", "The new step for each open step, e.g. { \"draft-review\": \"drafting\" }.");
        }
        else if (steps.Count > WorkflowMigration.MaxSteps)
        {
            errors.Add("steps", $"At most {WorkflowMigration.MaxSteps} steps.");
        }
        else
        {
            foreach (var (from, to) in steps)
            {
                StepId(from, $"steps.{from}");
                StepId(to, $"steps.{from}");
            }
        }

        var why = _read.Text(reason, "reason", WorkflowMigration.MaxReasonLength, multiline: true);
        return errors.Any ? null : new WorkflowMigration(version!.Value, steps!, why!);
    }

    public Procedure? Procedure(ProcedureBody? body)
    {
        if (body is null)
        {
            errors.Add("procedure", "Required: { \"country\": \"TH\", \"side\": \"requested\", \"kind\": \"evidence\", \"version\": 1 }.");
            return null;
        }

        var country = _read.Country(body.Country, "procedure.country");
        var side = _read.Enum<WorkflowSide>(body.Side, "procedure.side");
        var kind = _read.Enum<RequestKind>(body.Kind, "procedure.kind");
        if (body.Version is not (>= 1 and <= 9999))
        {
            errors.Add("procedure.version", "The version the requests run now, 1 to 9999.");
        }

        return country is null || side is null || kind is null || body.Version is null ? null
            : new Procedure(country, side.Value, kind.Value, body.Version.Value);
    }

    // Step ids as definitions spell them; anything else cannot name a step, and would only echo back in messages.
    private void StepId(string id, string path)
    {
        if (id.Length is 0 or > MaxStepIdLength || !id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            errors.Add(path, $"A step id: lower-case letters, digits and '-', at most {MaxStepIdLength}.");
        }
    }
}
