namespace MlaFlow.Grains.Requests;

/// <summary>How fast the requesting authority needs the assistance; anything above <see cref="Normal"/> needs a reason.</summary>
public enum Urgency
{
    Normal,

    /// <summary>A time limit applies (a trial date, a limitation period).</summary>
    Urgent,

    /// <summary>Loss of evidence or flight of a person is imminent (e.g. provisional arrest).</summary>
    Immediate,
}
