using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Sdk;

public enum FormFieldType
{
    Text,
    Number,
    Date,
    Boolean,
    Choice,
}
