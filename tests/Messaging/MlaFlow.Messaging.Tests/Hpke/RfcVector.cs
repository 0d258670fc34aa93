using System.Text.Json;
using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>
/// One setup of RFC 9180 Appendix A, as <c>../shared/testdata/hpke/rfc9180-appendix-a.json</c> holds it (the RFC's field
/// names, hex strings), or of draft-ietf-hpke-pq's vectors (<c>hpke-pq/draft-ietf-hpke-pq.json</c>), which use the same names.
/// </summary>
internal sealed class RfcVector(JsonElement json)
{
    public HpkeMode Mode => (HpkeMode)json.GetProperty("mode").GetByte();

    public ushort KemId => json.GetProperty("kem_id").GetUInt16();

    public ushort KdfId => json.GetProperty("kdf_id").GetUInt16();

    public ushort AeadId => json.GetProperty("aead_id").GetUInt16();

    public HpkeSuite Suite => new((HpkeKem)KemId, (HpkeKdf)KdfId, (HpkeAead)AeadId);

    /// <summary>
    /// mode/KEM/KDF/AEAD, e.g. <c>auth_psk/P-256/HKDF-SHA512/AES-128-GCM</c>: the KEM by its group alone, since its KDF
    /// is in its RFC name and xunit cuts a theory's arguments after 50 characters.
    /// </summary>
    public string Name => NameOf(Mode, (HpkeKem)KemId, (HpkeKdf)KdfId, (HpkeAead)AeadId);

    public IReadOnlyList<Encryption> Encryptions =>
        json.TryGetProperty("encryptions", out var list)
            ? [.. list.EnumerateArray().Select((e, i) => new Encryption(SequenceNumber(e, i), Bytes(e, "pt"), Bytes(e, "aad"), Bytes(e, "nonce"), Bytes(e, "ct")))]
            : [];

    public IReadOnlyList<Export> Exports =>
        [.. json.GetProperty("exports").EnumerateArray().Select(e => new Export(Bytes(e, "exporter_context"), e.GetProperty("L").GetInt32(), Bytes(e, "exported_value")))];

    public static string NameOf(HpkeMode mode, HpkeKem kem, HpkeKdf kdf, HpkeAead aead) =>
        $"{ModeName(mode)}/{GroupName(kem)}/{HpkeSuite.Name(kdf)}/{HpkeSuite.Name(aead)}";

    private static string GroupName(HpkeKem kem) => kem switch
    {
        HpkeKem.DhkemP256HkdfSha256 => "P-256",
        HpkeKem.DhkemP521HkdfSha512 => "P-521",
        HpkeKem.DhkemX25519HkdfSha256 => "X25519",
        _ => HpkeSuite.Name(kem),
    };

    /// <summary>The RFC's name of a mode: base, psk, auth, auth_psk.</summary>
    public static string ModeName(HpkeMode mode) => mode switch
    {
        HpkeMode.Base => "base",
        HpkeMode.Psk => "psk",
        HpkeMode.Auth => "auth",
        HpkeMode.AuthPsk => "auth_psk",
        _ => $"mode {(byte)mode}",
    };

    public byte[] Bytes(string field) => Bytes(json, field);

    // RFC 9180's file numbers its encryptions; draft-ietf-hpke-pq's lists them in order, from 0.
    private static ulong SequenceNumber(JsonElement encryption, int index) =>
        encryption.TryGetProperty("sequence number", out var number) ? number.GetUInt64() : (ulong)index;

    public bool Has(string field) => json.TryGetProperty(field, out _);

    private static byte[] Bytes(JsonElement element, string field) => Convert.FromHexString(element.GetProperty(field).GetString()!);

    /// <summary>One entry of the vector's encryptions: the plaintext sealed at a sequence number.</summary>
    public sealed record Encryption(ulong SequenceNumber, byte[] Plaintext, byte[] Aad, byte[] Nonce, byte[] Ciphertext);

    /// <summary>One entry of the vector's exports.</summary>
    public sealed record Export(byte[] ExporterContext, int Length, byte[] Value);
}
