namespace MlaFlow.Grains.Requests;

/// <summary>Assistance a request may seek (DOMAIN.md, "What a request contains").</summary>
public enum MeasureType
{
    ObtainDocuments,
    BankRecords,
    SearchAndSeizure,
    WitnessStatement,
    VideoconferenceHearing,
    IdentifyOrTracePersons,
    IdentifyOrTraceAssets,
    FreezeAssets,
    ConfiscateAssets,
    PreserveComputerData,
    ProduceComputerData,
    ServeDocuments,
    ArrestPerson,
    SurrenderPerson,
}
