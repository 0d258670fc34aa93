using System.Text;
using System.Text.Json.Nodes;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace MlaFlow.Messaging.Tests.Envelopes;

/// <summary>
/// The tamper matrix: every way an envelope from CN-MOJ to TH-OAG can be altered, misaddressed, replayed or made
/// with the wrong keys is refused with its own reason, and the opener hands out nothing.
/// </summary>
public sealed class RefusingEnvelopes : IDisposable
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("The evidence is attached.");

    private readonly TwoAuthorityNodes _nodes = new();

    private FakeClock Clock => _nodes.Clock;

    private AuthorityNode China => _nodes.China;

    private AuthorityNode Thailand => _nodes.Thailand;

    public void Dispose() => _nodes.Dispose();

    [Theory]
    [InlineData("messageId", "CN-MOJ-2026-000017/m2")]
    [InlineData("requestId", "CN-MOJ-2026-000099")]
    [InlineData("type", "withdrawal")]
    [InlineData("createdAt", "2026-11-22T09:00:00.001Z")]
    [InlineData("senderEncryptionKey", "00000000000000000000000000000000")]
    [InlineData("recipientKey", "00000000000000000000000000000000")]
    public async Task a_header_field_changed_in_transit_breaks_the_signature(string member, string value)
    {
        var wire = Wire(Seal());
        wire[member] = value;

        (await Refusal(wire)).ShouldBe(EnvelopeRefusal.BadSignature);
    }

    [Fact]
    public async Task a_changed_enc_breaks_the_signature()
    {
        var wire = Wire(Seal());
        wire["enc"] = Convert.ToBase64String(Flip(Convert.FromBase64String(wire["enc"]!.GetValue<string>()), 3));

        (await Refusal(wire)).ShouldBe(EnvelopeRefusal.BadSignature);
    }

    [Fact]
    public async Task a_flipped_ciphertext_bit_breaks_the_signature()
    {
        var envelope = Seal();

        (await Refusal(envelope with { Ciphertext = Flip(envelope.Ciphertext.ToArray(), 5) })).ShouldBe(EnvelopeRefusal.BadSignature);
    }

    [Fact]
    public async Task a_flipped_signature_bit_is_refused()
    {
        var envelope = Seal();

        (await Refusal(envelope with { Signature = Flip(envelope.Signature.ToArray(), 0) })).ShouldBe(EnvelopeRefusal.BadSignature);
    }

    [Fact]
    public async Task a_ciphertext_the_sender_signed_but_that_does_not_open_is_not_decryptable()
    {
        // A sender (or someone with its signing key) signs a broken payload: the signature holds, HPKE refuses.
        var envelope = Seal();
        var broken = Flip(envelope.Ciphertext.ToArray(), 0);
        var resigned = envelope with { Ciphertext = broken, Signature = China.Keys.CurrentSigningKey(China.Authority).Sign(Envelope.SignedBytes(envelope.Header, broken)) };

        (await Refusal(resigned)).ShouldBe(EnvelopeRefusal.NotDecryptable);
    }

    [Fact]
    public async Task an_envelope_re_addressed_to_another_authority_of_the_same_node_breaks_the_signature()
    {
        Thailand.Keys.Generate(AuthorityId.Parse("TH-RTP"), KeySuite.Default);
        var wire = Wire(Seal());
        wire["recipient"] = "TH-RTP";

        (await Refusal(wire)).ShouldBe(EnvelopeRefusal.BadSignature);
    }

    [Fact]
    public async Task an_envelope_for_an_authority_this_node_does_not_serve_is_the_wrong_recipient()
    {
        using var vietnam = new AuthorityNode("VN-SPP", Clock);
        vietnam.Trust(China);

        (await Should.ThrowAsync<EnvelopeRefusedException>(() => vietnam.Opener.OpenAsync(Seal()))).Reason.ShouldBe(EnvelopeRefusal.WrongRecipient);
    }

    [Fact]
    public async Task a_sender_missing_from_the_peer_directory_is_refused()
    {
        using var vietnam = new AuthorityNode("VN-SPP", Clock);
        vietnam.Trust(Thailand);
        Thailand.Trust(vietnam);
        var envelope = vietnam.Sealer.Seal(vietnam.Authority, Thailand.Authority, "VN-SPP-2026-000001/m1", "VN-SPP-2026-000001", "request", Payload);
        using var stranger = new AuthorityNode("TH-OAG", Clock);

        var refused = await Should.ThrowAsync<EnvelopeRefusedException>(() => stranger.Opener.OpenAsync(envelope));

        // This TH-OAG node never imported VN-SPP's bundle.
        refused.Reason.ShouldBe(EnvelopeRefusal.SenderKeyRefused);
        refused.Message.ShouldContain("VN-SPP is not in the peer directory");
    }

    [Fact]
    public async Task a_revoked_sender_signing_key_is_refused()
    {
        var envelope = Seal();
        China.Keys.Revoke(China.Authority, envelope.Header.SenderSigningKey);
        Thailand.Trust(China);

        (await Refusal(envelope)).ShouldBe(EnvelopeRefusal.SenderKeyRefused);
    }

    [Fact]
    public async Task a_revoked_recipient_key_is_refused()
    {
        var envelope = Seal();
        Thailand.Keys.Revoke(Thailand.Authority, envelope.Header.RecipientKey);

        (await Refusal(envelope)).ShouldBe(EnvelopeRefusal.RecipientKeyRefused);
    }

    [Fact]
    public async Task a_message_accepted_once_is_refused_as_a_replay()
    {
        var envelope = Seal();
        Thailand.Accept((await Thailand.Opener.OpenAsync(envelope)).Header);

        (await Refusal(envelope)).ShouldBe(EnvelopeRefusal.Replayed);
    }

    [Theory]
    [InlineData(-11)]
    [InlineData(11)]
    public async Task an_envelope_created_outside_the_window_is_stale(int minutes)
    {
        var envelope = Seal();
        Clock.Advance(Duration.FromMinutes(-minutes));

        (await Refusal(envelope)).ShouldBe(EnvelopeRefusal.Stale);
    }

    [Fact]
    public async Task an_unknown_version_or_suite_is_refused_before_anything_else()
    {
        var wire = Wire(Seal());
        wire["version"] = 2;
        (await Refused(wire)).Reason.ShouldBe(EnvelopeRefusal.UnsupportedVersion);

        wire = Wire(Seal());
        wire["suite"] = "x448-ed448";
        (await Refused(wire)).Reason.ShouldBe(EnvelopeRefusal.UnsupportedSuite);
    }

    [Theory]
    [InlineData("not json", "Not JSON")]
    [InlineData("[]", "An envelope is a JSON object.")]
    [InlineData("""{"version":1}""", "Missing member 'suite'.")]
    public void malformed_documents_are_refused_with_what_is_wrong(string json, string expected)
    {
        var refused = Should.Throw<EnvelopeRefusedException>(() => EnvelopeJson.Parse(Encoding.UTF8.GetBytes(json)));

        refused.Reason.ShouldBe(EnvelopeRefusal.Malformed);
        refused.Message.ShouldStartWith(expected);
    }

    [Theory]
    [InlineData("extra", "1", "Unknown member 'extra'.")]
    [InlineData("sender", "\"cn-moj\"", "'sender' is not a valid AuthorityId: 'cn-moj'.")]
    [InlineData("recipientKey", "\"XYZ\"", "'recipientKey' is not a valid KeyId: 'XYZ'.")]
    [InlineData("createdAt", "\"yesterday\"", "'createdAt' is a UTC time such as 2026-11-22T09:30:00.000Z, not 'yesterday'.")]
    [InlineData("ciphertext", "\"***\"", "'ciphertext' is not base64.")]
    [InlineData("version", "\"1\"", "'version' is a number, not string.")]
    public async Task a_member_of_the_wrong_shape_is_malformed(string member, string json, string expected)
    {
        var wire = Wire(Seal());
        wire[member] = JsonNode.Parse(json);

        var refused = await Refused(wire);

        refused.Reason.ShouldBe(EnvelopeRefusal.Malformed);
        refused.Message.ShouldBe(expected);
    }

    private Envelope Seal() =>
        China.Sealer.Seal(China.Authority, Thailand.Authority, "CN-MOJ-2026-000017/m1", "CN-MOJ-2026-000017", "finalResult", Payload);

    private static JsonObject Wire(Envelope envelope) => JsonNode.Parse(EnvelopeJson.Serialize(envelope))!.AsObject();

    private async Task<EnvelopeRefusal> Refusal(JsonObject wire) => (await Refused(wire)).Reason;

    private async Task<EnvelopeRefusal> Refusal(Envelope envelope) => (await Should.ThrowAsync<EnvelopeRefusedException>(() => Thailand.Opener.OpenAsync(envelope))).Reason;

    // Parsing and opening together, as the exchange endpoint does.
    private Task<EnvelopeRefusedException> Refused(JsonObject wire) =>
        Should.ThrowAsync<EnvelopeRefusedException>(async () => await Thailand.Opener.OpenAsync(EnvelopeJson.Parse(Encoding.UTF8.GetBytes(wire.ToJsonString()))));

    private static byte[] Flip(byte[] bytes, int index)
    {
        bytes[index] ^= 0x01;
        return bytes;
    }
}
