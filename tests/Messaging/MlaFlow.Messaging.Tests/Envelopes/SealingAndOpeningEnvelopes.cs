using System.Text;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace MlaFlow.Messaging.Tests.Envelopes;

/// <summary>CN-MOJ seals messages for TH-OAG: only TH-OAG opens them, and it knows they are CN-MOJ's.</summary>
public sealed class SealingAndOpeningEnvelopes : IDisposable
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"summary":"Funds moved to account 123-4-56789-0."}""");

    private readonly TwoAuthorityNodes _nodes = new();

    private FakeClock Clock => _nodes.Clock;

    private AuthorityNode China => _nodes.China;

    private AuthorityNode Thailand => _nodes.Thailand;

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public async Task the_recipient_opens_what_the_sender_sealed_and_the_header_says_who_and_what()
    {
        var envelope = Seal();

        var opened = await Thailand.Opener.OpenAsync(envelope);

        opened.Payload.ShouldBe(Payload);
        var header = opened.Header;
        header.Suite.ShouldBe(EnvelopeSuite.X25519Ed25519);
        (header.Sender.Value, header.Recipient.Value).ShouldBe(("CN-MOJ", "TH-OAG"));
        header.MessageId.ShouldBe("CN-MOJ-2026-000017/m1");
        header.RequestId.ShouldBe("CN-MOJ-2026-000017");
        header.MessageType.ShouldBe("request");
        header.CreatedAt.ShouldBe(Clock.GetCurrentInstant().ToDateTimeOffset());
        header.RecipientKey.ShouldBe(Thailand.Keys.CurrentKey(Thailand.Authority, KeyUse.Encryption).Id);
    }

    [Fact]
    public async Task an_envelope_survives_the_wire_format()
    {
        var wire = EnvelopeJson.Serialize(Seal());

        (await Thailand.Opener.OpenAsync(EnvelopeJson.Parse(wire))).Payload.ShouldBe(Payload);
    }

    [Fact]
    public void the_wire_holds_no_byte_of_the_plaintext()
    {
        var wire = Encoding.UTF8.GetString(EnvelopeJson.Serialize(Seal()));

        wire.ShouldNotContain("123-4-56789-0");
        wire.ShouldNotContain("Funds");
    }

    [Fact]
    public async Task authorities_on_nist_curves_exchange_with_p256_and_ecdsa()
    {
        using var nodes = new TwoAuthorityNodes(suite: KeySuite.P256);
        var (china, thailand) = (nodes.China, nodes.Thailand);

        var envelope = china.Sealer.Seal(china.Authority, thailand.Authority, "CN-MOJ-2026-000018/m1", "CN-MOJ-2026-000018", "request", Payload);

        envelope.Header.Suite.ShouldBe(EnvelopeSuite.P256);
        (await thailand.Opener.OpenAsync(EnvelopeJson.Parse(EnvelopeJson.Serialize(envelope)))).Payload.ShouldBe(Payload);
    }

    [Fact]
    public async Task nist_curve_authorities_exchange_many_messages_on_the_key_objects_kept_from_the_first_until_sealer_and_opener_are_disposed()
    {
        using var nodes = new TwoAuthorityNodes(suite: KeySuite.P256);
        var (china, thailand) = (nodes.China, nodes.Thailand);

        for (var i = 1; i <= 3; i++)
        {
            var envelope = china.Sealer.Seal(china.Authority, thailand.Authority, $"CN-MOJ-2026-000019/m{i}", "CN-MOJ-2026-000019", "request", Payload);
            (await thailand.Opener.OpenAsync(envelope)).Payload.ShouldBe(Payload);
        }

        var last = china.Sealer.Seal(china.Authority, thailand.Authority, "CN-MOJ-2026-000019/m4", "CN-MOJ-2026-000019", "request", Payload);
        china.Sealer.Dispose();
        thailand.Opener.Dispose();

        Should.Throw<ObjectDisposedException>(() => china.Sealer.Seal(china.Authority, thailand.Authority, "CN-MOJ-2026-000019/m5", "CN-MOJ-2026-000019", "request", Payload));
        await Should.ThrowAsync<ObjectDisposedException>(() => thailand.Opener.OpenAsync(last));
    }

    [Fact]
    public async Task a_message_sealed_before_the_recipient_rotated_its_keys_still_opens()
    {
        var envelope = Seal();
        Thailand.Keys.Rotate(Thailand.Authority);

        (await Thailand.Opener.OpenAsync(envelope)).Payload.ShouldBe(Payload);
    }

    [Fact]
    public void a_sender_whose_keys_are_of_another_suite_than_the_recipients_is_told_to_generate_matching_keys()
    {
        using var nist = new AuthorityNode("TH-OAG", Clock, KeySuite.P256);
        China.Peers.Import(nist.Keys.ExportPublic(nist.Authority), nist.Keys.ExportPublic(nist.Authority).Fingerprint);

        Should.Throw<ArgumentException>(() => Seal()).Message.ShouldStartWith("TH-OAG takes p256 keys and CN-MOJ's are x25519-ed25519");
    }

    private Envelope Seal() =>
        China.Sealer.Seal(China.Authority, Thailand.Authority, "CN-MOJ-2026-000017/m1", "CN-MOJ-2026-000017", "request", Payload);
}
