using System.Security.Cryptography;
using System.Text.Json;
using MlaFlow.Grains.Serialization;

namespace MlaFlow.Grains.Requests;

/// <summary>The fingerprint of a submitted request, used to tell a retry from a different request.</summary>
public static class RequestContent
{
    /// <summary>SHA-256 (hex) of the request's canonical JSON: the same content always gives the same hash, whatever its formatting.</summary>
    public static string Sha256(NewAssistanceRequest draft) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(draft, MlaFlowJson.Options)));
}
