using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Sdk;

/// <summary>A field a task's completion carries; <paramref name="Options"/> lists the values of a <see cref="FormFieldType.Choice"/>.</summary>
/// <param name="Name">The field's name, as conditions read it (<c>form.&lt;step id&gt;.&lt;name&gt;</c>).</param>
/// <param name="Type">What the field holds.</param>
/// <param name="Required">Whether every completion of the task must give it.</param>
/// <param name="MaxLength">The most characters a text field holds.</param>
/// <param name="Options">The values a choice field may take.</param>
/// <param name="RequiredFor">
/// The outcomes of the task a completion must give the field for, when it is not <paramref name="Required"/> for all: a
/// refusal must state its ground, a completion that finds nothing to refuse need not. Null when there are none.
/// </param>
public sealed record FormField(
    string Name, FormFieldType Type, bool Required, int? MaxLength, IReadOnlyList<string>? Options, IReadOnlyList<string>? RequiredFor = null)
{
    /// <summary>Whether completing the task with <paramref name="outcome"/> must give this field.</summary>
    public bool IsRequiredFor(string outcome) => Required || RequiredFor?.Contains(outcome, StringComparer.Ordinal) == true;
}
