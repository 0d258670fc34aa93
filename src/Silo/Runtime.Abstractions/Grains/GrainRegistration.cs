namespace MlaFlow.Runtime.Grains;

/// <summary>One grain type: its name (stored in every row and reminder), its interface and its implementation.</summary>
public sealed record GrainRegistration(string TypeName, Type Interface, Type Implementation);
