using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Plugins.Sdk;

/// <summary>What central authorities send each other about a request (DOMAIN.md).</summary>
public enum MessageType
{
    Request,
    Acknowledgement,
    RequestForAdditionalInformation,
    AdditionalInformation,
    StatusEnquiry,
    StatusReply,
    PartialResult,
    FinalResult,
    Refusal,
    Postponement,
    Withdrawal,
    Notice,
}
