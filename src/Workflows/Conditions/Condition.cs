namespace MlaFlow.Workflows.Conditions;

/// <summary>A declarative condition over facts (docs/workflows.md, "Conditions"). No scripts: every form is listed here.</summary>
public abstract record Condition
{
    /// <summary>The comparisons of facts this condition is made of, however deeply nested: what it reads.</summary>
    public abstract IEnumerable<FieldCondition> Fields();
}

/// <summary>Compares the fact at <paramref name="Field"/> with <paramref name="Value"/> (absent for <see cref="ConditionOperator.Exists"/>).</summary>
public sealed record FieldCondition(string Field, ConditionOperator Operator, System.Text.Json.Nodes.JsonNode? Value) : Condition
{
    public override IEnumerable<FieldCondition> Fields() => [this];
}

/// <summary>Holds when every condition holds.</summary>
public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public override IEnumerable<FieldCondition> Fields() => Conditions.SelectMany(c => c.Fields());
}

/// <summary>Holds when at least one condition holds.</summary>
public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public override IEnumerable<FieldCondition> Fields() => Conditions.SelectMany(c => c.Fields());
}

/// <summary>Holds when its condition does not.</summary>
public sealed record NotCondition(Condition Condition) : Condition
{
    public override IEnumerable<FieldCondition> Fields() => Condition.Fields();
}
