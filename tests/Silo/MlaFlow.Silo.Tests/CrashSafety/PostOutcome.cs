using System.Net;
using MlaFlow.Silo.Tests.Api;

namespace MlaFlow.Silo.Tests.CrashSafety;

/// <summary>What the client learned of one post: the node's answer, or the failure that took its place.</summary>
public sealed record PostOutcome(Submission Submission, ApiResponse? Response, Exception? Failure)
{
    /// <summary>The node answered 201: from here on the client may rely on the request existing.</summary>
    public bool Acknowledged => Response?.Status == HttpStatusCode.Created;

    /// <summary>No answer (the node died before, during or after handling it): the client cannot know whether it was created.</summary>
    public bool Unanswered => Failure is not null;

    public override string ToString() =>
        $"{Submission}: {(Response is not null ? Response.ToString() : $"no answer ({Failure!.GetType().Name}: {Failure.Message})")}";
}
