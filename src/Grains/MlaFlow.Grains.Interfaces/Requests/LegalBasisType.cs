namespace MlaFlow.Grains.Requests;

/// <summary>What a request relies on: a treaty in force between the states, or an undertaking of reciprocity.</summary>
public enum LegalBasisType
{
    Treaty,
    Reciprocity,
}
