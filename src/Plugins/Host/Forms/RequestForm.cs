using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Host.Forms;

/// <summary>What a request of one kind sent to the plugin's state must contain (<c>forms/&lt;kind&gt;.json</c>).</summary>
public sealed record RequestForm(RequestKind Kind, IReadOnlyList<FormRule> Rules);
