namespace MlaFlow.Grains.Requests;

/// <summary>Why a person is named in a request.</summary>
public enum PersonRole
{
    Suspect,
    Accused,
    Convicted,
    Witness,
    Victim,
    Expert,
    AccountHolder,
    Other,
}
