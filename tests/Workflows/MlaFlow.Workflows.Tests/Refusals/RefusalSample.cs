namespace MlaFlow.Workflows.Tests.Refusals;

/// <summary>
/// A check that refuses on a ground its officer chooses, which the refusal tests start from: the decision <c>ground</c>
/// picks the refused end by the check's field <c>refusalGround</c>, required for the outcome <c>refuse</c> only.
/// </summary>
internal static class RefusalSample
{
    public const string Definition = """
        {
          "side": "requested", "kind": "evidence", "version": 1, "title": "Incoming request for evidence", "start": "check",
          "steps": [
            { "id": "check", "type": "task", "role": "officer", "title": "Check the request",
              "form": [ { "name": "notes", "type": "text" },
                        { "name": "refusalGround", "type": "choice", "requiredFor": ["refuse"], "options": ["politicalOffence", "other"] } ],
              "deadline": { "after": { "workingDays": 10 }, "outcome": "overdue" },
              "outcomes": { "complete": "executed", "refuse": "send-refusal", "overdue": "escalate" } },
            { "id": "escalate", "type": "task", "role": "officer", "title": "Check overdue", "outcomes": { "resume": "check" } },
            { "id": "send-refusal", "type": "send", "message": "refusal", "outcomes": { "sent": "ground" } },
            { "id": "ground", "type": "decision",
              "cases": [ { "when": { "field": "form.check.refusalGround", "op": "eq", "value": "politicalOffence" }, "outcome": "political" } ],
              "otherwise": "other",
              "outcomes": { "political": "refused-political", "other": "refused-other" } },
            { "id": "refused-political", "type": "end", "status": "refused", "ground": "Political offence" },
            { "id": "refused-other", "type": "end", "status": "refused", "ground": "Other ground stated in the refusal" },
            { "id": "executed", "type": "end", "status": "executed" }
          ]
        }
        """;

    public const string RequiredFor = "\"requiredFor\": [\"refuse\"], ";
}
