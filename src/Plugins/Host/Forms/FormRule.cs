using MlaFlow.Workflows.Conditions;

namespace MlaFlow.Plugins.Host.Forms;

/// <summary>A rule of a request form: where <paramref name="When"/> holds (always, if absent), <paramref name="Require"/> must hold, else <paramref name="Message"/>.</summary>
public sealed record FormRule(string Id, string Message, Condition? When, Condition Require);
