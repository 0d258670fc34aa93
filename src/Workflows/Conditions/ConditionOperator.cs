namespace MlaFlow.Workflows.Conditions;

public enum ConditionOperator
{
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    Exists,
}
