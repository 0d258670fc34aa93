namespace MlaFlow.Runtime.Grains;

/// <summary>The identity of one grain: its registered type name and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
