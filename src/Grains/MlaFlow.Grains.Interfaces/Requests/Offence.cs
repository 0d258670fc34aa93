namespace MlaFlow.Grains.Requests;

/// <summary>An offence the proceedings concern, with the provision that defines it (e.g. "Criminal Law of the PRC, art. 266").</summary>
public sealed record Offence(string Name, string LegalProvision, MaximumPenalty MaximumPenalty);
