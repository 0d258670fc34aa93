using System.Text;
using System.Text.Json.Nodes;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Messaging.Tests.Envelopes;

/// <summary>
/// Two authorities that both hold post-quantum keys exchange in the post-quantum suite: sealed in HPKE base mode to the
/// recipient's MLKEM768-X25519 key, signed with Ed25519 and ML-DSA-65, both checked. One that holds classical keys only
/// still exchanges, classically, with either. Once both hold post-quantum keys, a classical envelope between them is a
/// downgrade, and refused as one.
/// </summary>
public sealed class PostQuantumEnvelopes
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"request\":\"bank records of account 123-4-56789-0\"}");

    [Fact]
    public async Task two_post_quantum_authorities_seal_sign_and_open_in_the_post_quantum_suite()
    {
        using var nodes = new TwoAuthorityNodes(chinaPostQuantum: true, thailandPostQuantum: true);
        var envelope = EnvelopeJson.Parse(EnvelopeJson.Serialize(Seal(nodes.China, nodes.Thailand)));

        var header = envelope.Header;
        header.Suite.ShouldBe(EnvelopeSuite.PostQuantum);
        header.SenderEncryptionKey.ShouldBeNull("base mode authenticates no sender encryption key");
        header.SenderSigningKey.ShouldBe(nodes.China.Keys.CurrentKey(nodes.China.Authority, KeyUse.Signing).Id);
        header.SenderPostQuantumSigningKey.ShouldBe(nodes.China.Keys.CurrentKey(nodes.China.Authority, KeyUse.Signing, postQuantum: true).Id);
        header.RecipientKey.ShouldBe(nodes.Thailand.Keys.CurrentKey(nodes.Thailand.Authority, KeyUse.Encryption, postQuantum: true).Id);
        header.Enc.Length.ShouldBe(1120);
        envelope.Signature.Length.ShouldBe(64);
        envelope.PostQuantumSignature.Length.ShouldBe(KeyAlgorithm.MLDsa65.SignatureLength);

        (await nodes.Thailand.Opener.OpenAsync(envelope)).Payload.ShouldBe(Payload);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public async Task when_either_side_holds_classical_keys_only_they_exchange_classically(bool chinaPostQuantum, bool thailandPostQuantum)
    {
        using var nodes = new TwoAuthorityNodes(chinaPostQuantum, thailandPostQuantum);

        var toThailand = Seal(nodes.China, nodes.Thailand);
        var toChina = Seal(nodes.Thailand, nodes.China);

        toThailand.Header.Suite.ShouldBe(EnvelopeSuite.X25519Ed25519);
        toChina.Header.Suite.ShouldBe(EnvelopeSuite.X25519Ed25519);
        (await nodes.Thailand.Opener.OpenAsync(toThailand)).Payload.ShouldBe(Payload);
        (await nodes.China.Opener.OpenAsync(toChina)).Payload.ShouldBe(Payload);
    }

    [Fact]
    public async Task a_classical_envelope_between_two_post_quantum_authorities_is_refused_as_a_downgrade()
    {
        // China still has Thailand's classical bundle: Thailand added post-quantum keys since, and China has not imported them.
        using var nodes = new TwoAuthorityNodes(chinaPostQuantum: true);
        nodes.Thailand.Keys.Rotate(nodes.Thailand.Authority, postQuantum: true);
        nodes.Thailand.Trust(nodes.China);

        var envelope = Seal(nodes.China, nodes.Thailand);
        envelope.Header.Suite.ShouldBe(EnvelopeSuite.X25519Ed25519);

        var refusal = await Should.ThrowAsync<EnvelopeRefusedException>(() => nodes.Thailand.Opener.OpenAsync(envelope));
        refusal.Reason.ShouldBe(EnvelopeRefusal.Downgrade);
        refusal.Message.ShouldContain("downgrade");
        refusal.Message.ShouldContain("TH-OAG has published post-quantum keys and CN-MOJ's confirmed bundle offers them too");

        // With Thailand's new bundle, China seals in the post-quantum suite, which Thailand takes.
        nodes.China.Trust(nodes.Thailand);
        var upgraded = Seal(nodes.China, nodes.Thailand, "CN-MOJ-2026-000017/m2");
        upgraded.Header.Suite.ShouldBe(EnvelopeSuite.PostQuantum);
        (await nodes.Thailand.Opener.OpenAsync(upgraded)).Payload.ShouldBe(Payload);
    }

    [Fact]
    public async Task a_classical_envelope_accepted_before_the_keys_changed_still_opens_for_delivery()
    {
        using var nodes = new TwoAuthorityNodes(chinaPostQuantum: true);
        nodes.Thailand.Keys.Rotate(nodes.Thailand.Authority, postQuantum: true);
        var kept = Seal(nodes.China, nodes.Thailand);
        nodes.Thailand.Trust(nodes.China);

        (await nodes.Thailand.Opener.OpenAcceptedAsync(kept)).Payload.ShouldBe(Payload);
    }

    [Theory]
    [InlineData("the Ed25519 signature", "signature")]
    [InlineData("the ML-DSA-65 signature", "postQuantumSignature")]
    public async Task either_signature_altered_refuses_the_envelope(string what, string member)
    {
        using var nodes = new TwoAuthorityNodes(chinaPostQuantum: true, thailandPostQuantum: true);
        var json = JsonNode.Parse(EnvelopeJson.Serialize(Seal(nodes.China, nodes.Thailand)))!;
        var signature = Convert.FromBase64String(json[member]!.GetValue<string>());
        signature[7] ^= 0x01;
        json[member] = Convert.ToBase64String(signature);

        var refusal = await Should.ThrowAsync<EnvelopeRefusedException>(() => nodes.Thailand.Opener.OpenAsync(EnvelopeJson.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()))));
        refusal.Reason.ShouldBe(EnvelopeRefusal.BadSignature, what);
    }

    [Theory]
    [InlineData("postQuantumSignature", "Missing member 'postQuantumSignature'")]
    [InlineData("senderPostQuantumSigningKey", "Missing member 'senderPostQuantumSigningKey'")]
    public void a_post_quantum_envelope_missing_a_member_is_malformed(string member, string message)
    {
        using var nodes = new TwoAuthorityNodes(chinaPostQuantum: true, thailandPostQuantum: true);
        var json = JsonNode.Parse(EnvelopeJson.Serialize(Seal(nodes.China, nodes.Thailand)))!.AsObject();
        json.Remove(member);

        var refusal = Should.Throw<EnvelopeRefusedException>(() => EnvelopeJson.Parse(Encoding.UTF8.GetBytes(json.ToJsonString())));
        refusal.Reason.ShouldBe(EnvelopeRefusal.Malformed);
        refusal.Message.ShouldBe(message + ".");
    }

    [Fact]
    public void a_classical_member_in_a_post_quantum_envelope_is_malformed()
    {
        using var nodes = new TwoAuthorityNodes(chinaPostQuantum: true, thailandPostQuantum: true);
        var json = JsonNode.Parse(EnvelopeJson.Serialize(Seal(nodes.China, nodes.Thailand)))!;
        json["senderEncryptionKey"] = nodes.China.Keys.CurrentKey(nodes.China.Authority, KeyUse.Encryption).Id.Value;

        Should.Throw<EnvelopeRefusedException>(() => EnvelopeJson.Parse(Encoding.UTF8.GetBytes(json.ToJsonString())))
            .Message.ShouldBe("Member 'senderEncryptionKey' is not part of a xwing-ed25519-mldsa65 envelope.");
    }

    [Fact]
    public async Task the_suite_rewritten_to_a_classical_one_no_longer_verifies()
    {
        using var nodes = new TwoAuthorityNodes(chinaPostQuantum: true, thailandPostQuantum: true);
        var envelope = Seal(nodes.China, nodes.Thailand);
        var classical = envelope.Header with
        {
            Suite = EnvelopeSuite.X25519Ed25519,
            SenderEncryptionKey = nodes.China.Keys.CurrentKey(nodes.China.Authority, KeyUse.Encryption).Id,
            SenderPostQuantumSigningKey = null,
        };

        var refusal = await Should.ThrowAsync<EnvelopeRefusedException>(() => nodes.Thailand.Opener.OpenAsync(envelope with { Header = classical, PostQuantumSignature = default }));
        refusal.Reason.ShouldBe(EnvelopeRefusal.BadSignature);
    }

    [Fact]
    public void a_post_quantum_recipients_receipt_carries_both_signatures_and_neither_may_be_stripped()
    {
        using var nodes = new TwoAuthorityNodes(chinaPostQuantum: true, thailandPostQuantum: true);
        var header = Seal(nodes.China, nodes.Thailand).Header;
        var receipt = SignedReceipt.Parse(
            SignedReceipt.Sign(nodes.Thailand.Keys, header, ReceiptStatus.Accepted, null, null, "TH-OAG-2026-000003", nodes.Clock.GetCurrentInstant().ToDateTimeOffset()).ToJson());

        receipt.Receipt.PostQuantumSigningKey.ShouldBe(nodes.Thailand.Keys.CurrentKey(nodes.Thailand.Authority, KeyUse.Signing, postQuantum: true).Id);
        receipt.PostQuantumSignature.Length.ShouldBe(KeyAlgorithm.MLDsa65.SignatureLength);
        receipt.IsSignedBy(nodes.China.Peers).ShouldBeTrue();

        var altered = receipt.PostQuantumSignature.ToArray();
        altered[100] ^= 0x01;
        (receipt with { PostQuantumSignature = altered }).IsSignedBy(nodes.China.Peers).ShouldBeFalse("the ML-DSA-65 signature altered");
        var stripped = new SignedReceipt(receipt.Receipt with { PostQuantumSigningKey = null }, receipt.Signature);
        stripped.IsSignedBy(nodes.China.Peers).ShouldBeFalse("Thailand's bundle offers ML-DSA-65: its receipts carry that signature");
    }

    private static Envelope Seal(AuthorityNode from, AuthorityNode to, string messageId = "CN-MOJ-2026-000017/m1") =>
        from.Sealer.Seal(from.Authority, to.Authority, from.Authority == to.Authority ? messageId : messageId.Replace("CN-MOJ", from.Authority.Value, StringComparison.Ordinal),
            $"{from.Authority}-2026-000017", "request", Payload);
}
