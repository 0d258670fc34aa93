using System.Text.Json;
using MlaFlow.Silo.Tests.Processes;

namespace MlaFlow.Silo.Tests.CrashSafety;

/// <summary>What the audit chain of an authority must hold after requests were submitted through a crash.</summary>
internal static class SubmissionAudit
{
    /// <summary>
    /// Each created request has exactly one request.created record; each number ever handed out has one
    /// request.number-allocated record, and the authority's counter says how many were handed out. A number whose
    /// request never got written (the node died in between) is the documented, audited gap. <c>audit verify</c> passes.
    /// </summary>
    /// <returns>What the chain holds, for the test's output.</returns>
    public static async Task<string> ShouldMatchAsync(NodeStore store, string authority, IReadOnlyList<StoredRequest> requests)
    {
        var log = await store.AuditLogAsync(authority);
        var created = log.Where(r => r.Action == "request.created").Select(r => r.RequestId!).Order().ToList();
        var allocated = log.Where(r => r.Action == "request.number-allocated").Select(r => r.RequestId!).ToList();
        var counter = await store.AuthorityStateAsync(authority) ?? throw new InvalidOperationException($"No authority row for {authority}.");
        var lastNumber = JsonSerializer.Deserialize<JsonElement>(counter).GetProperty("lastNumber").GetInt32();

        created.ShouldBe(requests.Select(r => r.Id).Order().ToList(), "one request.created record per stored request, and none for a request not stored");
        allocated.Distinct().Count().ShouldBe(allocated.Count, "a request number is allocated once");
        allocated.Count.ShouldBe(lastNumber, $"one request.number-allocated record per number the authority's counter gave out ({counter})");
        created.Except(allocated).ShouldBeEmpty("every created request had its number allocated first");
        log.Where(r => r.Action is not ("request.created" or "request.number-allocated")).ShouldBeEmpty("only creations happened");

        var verify = await SiloCli.RunAsync(store.Environment, "audit", "verify", "--authority", authority);
        verify.ExitCode.ShouldBe(0, verify.ToString());
        verify.OutputLines.ShouldBe([$"{authority}: {log.Count} record(s), chain intact"], verify.ToString());
        return $"audit: {created.Count} request.created, {allocated.Count} request.number-allocated, {allocated.Count - created.Count} unused number(s)";
    }
}
