namespace MlaFlow.Workflows.Tests.Loading;

/// <summary>
/// Valid definitions the loader tests start from. Each mistake test changes one thing in
/// <see cref="RequestedEvidence"/>, so the line numbers in its expected problem can be read off this file.
/// </summary>
internal static class Samples
{
    public const string FileName = "requested-evidence.v1.json";

    /// <summary>The example of docs/workflows.md, copied so that editing the docs does not move these tests' lines.</summary>
    public const string RequestedEvidence = """
        {
          "side": "requested",
          "kind": "evidence",
          "version": 1,
          "title": "Incoming request for evidence",
          "start": "register",
          "steps": [
            { "id": "register", "type": "task", "role": "officer", "title": "Register and acknowledge receipt",
              "form": [ { "name": "registrationNumber", "type": "text", "required": true, "maxLength": 50 } ],
              "deadline": { "after": { "workingDays": 5 }, "warnBefore": { "workingDays": 1 }, "outcome": "overdue" },
              "outcomes": { "registered": "acknowledge", "overdue": "escalate" } },
            { "id": "acknowledge", "type": "send", "message": "acknowledgement", "outcomes": { "sent": "check" } },
            { "id": "check", "type": "decision",
              "cases": [ { "when": { "field": "request.urgency", "op": "in", "value": ["urgent", "immediate"] }, "outcome": "urgent" } ],
              "otherwise": "normal",
              "outcomes": { "urgent": "execute", "normal": "execute" } },
            { "id": "escalate", "type": "task", "role": "officer", "title": "Registration overdue", "outcomes": { "registered": "acknowledge" } },
            { "id": "execute", "type": "task", "role": "executing", "outcomes": { "done": "executed" } },
            { "id": "executed", "type": "end", "status": "executed" }
          ]
        }
        """;

    /// <summary>Every step type once, with a plugin fact, a form fact and each form of condition.</summary>
    public const string RequestingExtradition = """
        {
          "side": "requesting",
          "kind": "extradition",
          "version": 2,
          "title": "Outgoing extradition request",
          "start": "prepare",
          "steps": [
            { "id": "prepare", "type": "task", "role": "prosecutor", "title": "Prepare the request",
              "form": [
                { "name": "approval", "type": "choice", "required": true, "options": ["approved", "rejected"] },
                { "name": "summary", "type": "text", "maxLength": 2000 }
              ],
              "outcomes": { "ready": "route", "abandoned": "withdrawn" } },
            { "id": "route", "type": "decision",
              "cases": [
                { "when": { "all": [
                    { "field": "form.prepare.approval", "op": "eq", "value": "approved" },
                    { "not": { "field": "plugin.treatyInForce", "op": "eq", "value": false } } ] },
                  "outcome": "send" },
                { "when": { "any": [ { "field": "request.offences.maximumPenalty.months", "op": "lt", "value": 12 },
                                     { "field": "request.persons.nationality", "op": "notIn", "value": ["TH", "CN"] } ] },
                  "outcome": "refuse" }
              ],
              "otherwise": "refuse",
              "outcomes": { "send": "send-request", "refuse": "refused" } },
            { "id": "send-request", "type": "send", "message": "request", "outcomes": { "sent": "both" } },
            { "id": "both", "type": "parallel", "outcomes": { "reply": "await-reply", "remind": "reminder" } },
            { "id": "await-reply", "type": "await", "message": "finalResult",
              "deadline": { "after": { "calendarDays": 60 }, "outcome": "lapsed" },
              "outcomes": { "received": "joined", "lapsed": "joined" } },
            { "id": "reminder", "type": "timer", "after": { "hours": 48 }, "warnBefore": { "hours": 8 }, "outcomes": { "elapsed": "joined" } },
            { "id": "joined", "type": "join", "parallel": "both", "outcomes": { "joined": "wait-surrender" } },
            { "id": "wait-surrender", "type": "await", "signal": "surrenderCompleted", "outcomes": { "received": "surrendered" } },
            { "id": "surrendered", "type": "end", "status": "surrendered" },
            { "id": "refused", "type": "end", "status": "refused", "ground": "Art. 3: political offence" },
            { "id": "withdrawn", "type": "end", "status": "withdrawn" }
          ]
        }
        """;

    /// <summary>
    /// A custom step between two tasks, run by the handler <see cref="ScriptedStep.WatchListScreening"/>; its
    /// members are on lines 9 (id, type, handler), 10 (settings) and 11 (outcomes).
    /// </summary>
    public const string Screened = """
        {
          "side": "requested",
          "kind": "evidence",
          "version": 1,
          "title": "Incoming request for evidence, screened",
          "start": "register",
          "steps": [
            { "id": "register", "type": "task", "role": "officer", "outcomes": { "registered": "screen" } },
            { "id": "screen", "type": "custom", "handler": "watch-list-screening",
              "settings": { "list": "watch-list.txt", "threshold": 0.9 },
              "outcomes": { "clear": "execute", "match": "review-match" } },
            { "id": "review-match", "type": "task", "role": "prosecutor", "title": "Review the watch-list match", "outcomes": { "cleared": "execute", "refused": "refused" } },
            { "id": "execute", "type": "task", "role": "executing", "outcomes": { "done": "executed" } },
            { "id": "executed", "type": "end", "status": "executed" },
            { "id": "refused", "type": "end", "status": "refused", "ground": "Art. 2(b): essential interests" }
          ]
        }
        """;

    /// <summary>
    /// <paramref name="json"/> with <paramref name="original"/> replaced; it must occur exactly once, so a
    /// mistake test cannot silently stop making its mistake when a sample changes.
    /// </summary>
    public static string Replacing(this string json, string original, string replacement)
    {
        var first = json.IndexOf(original, StringComparison.Ordinal);
        if (first < 0 || json.IndexOf(original, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{original}' must occur exactly once in the sample.");
        }

        return string.Concat(json.AsSpan(0, first), replacement, json.AsSpan(first + original.Length));
    }
}
