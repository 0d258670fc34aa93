namespace MlaFlow.Plugins.Sdk;

/// <summary>What a request for assistance asks for.</summary>
public enum RequestKind
{
    /// <summary>Mutual legal assistance: evidence gathering and other measures.</summary>
    Evidence,

    /// <summary>Urgent arrest pending a formal extradition request.</summary>
    ProvisionalArrest,

    /// <summary>Surrender of a person for prosecution or to serve a sentence.</summary>
    Extradition,
}
