using MlaFlow.Grains.Requests;

namespace MlaFlow.Grains.Authorities;

/// <summary>The request opened (or found again, when <see cref="Created"/> is false).</summary>
public sealed record CreatedRequest(AssistanceRequest Request, bool Created);
