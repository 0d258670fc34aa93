namespace MlaFlow.Workflows.Definitions;

public enum FormFieldType
{
    Text,
    Number,
    Date,
    Boolean,
    Choice,
}
