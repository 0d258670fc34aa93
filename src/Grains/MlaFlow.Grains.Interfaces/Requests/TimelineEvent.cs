using NodaTime;

namespace MlaFlow.Grains.Requests;

/// <summary>Something that happened to a request: when, who (<see cref="Actor"/> text), and what.</summary>
public sealed record TimelineEvent(Instant At, string Actor, string What);
