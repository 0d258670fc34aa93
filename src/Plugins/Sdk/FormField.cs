using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Sdk;

/// <summary>A field a task's completion carries; <paramref name="Options"/> lists the values of a <see cref="FormFieldType.Choice"/>.</summary>
public sealed record FormField(string Name, FormFieldType Type, bool Required, int? MaxLength, IReadOnlyList<string>? Options);
