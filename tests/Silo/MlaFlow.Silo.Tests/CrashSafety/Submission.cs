using MlaFlow.Silo.Tests.Api;

namespace MlaFlow.Silo.Tests.CrashSafety;

/// <summary>One post of the crash test: an Idempotency-Key of its own and a marker, unique to it, in the summary of facts.</summary>
public sealed record Submission(string IdempotencyKey, string Marker, string Body)
{
    public static Submission Create(string run, int lane, int number)
    {
        var key = $"crash-{run}-{lane}-{number}";
        // The closing bracket keeps the marker of post 1 from matching inside the marker of post 10.
        var marker = $"[marker {key}]";
        return new Submission(key, marker, SampleRequests.EvidenceMarked(marker));
    }

    public override string ToString() => IdempotencyKey;
}
