using System.Text;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Testing;
using NodaTime.Testing;

namespace MlaFlow.Messaging.Tests.Envelopes;

/// <summary>TH-OAG answers CN-MOJ's envelope with a receipt CN-MOJ can check is TH-OAG's, and that no one changed.</summary>
public sealed class SigningReceipts : IDisposable
{
    private readonly TwoAuthorityNodes _nodes = new();

    private FakeClock Clock => _nodes.Clock;

    private AuthorityNode China => _nodes.China;

    private AuthorityNode Thailand => _nodes.Thailand;

    public void Dispose() => _nodes.Dispose();

    [Fact]
    public void an_acceptance_survives_the_wire_and_verifies_with_the_recipients_key()
    {
        var receipt = SignedReceipt.Parse(Accepted().ToJson());

        receipt.IsSignedBy(China.Peers).ShouldBeTrue();
        receipt.Receipt.Status.ShouldBe(ReceiptStatus.Accepted);
        receipt.Receipt.Issuer.Value.ShouldBe("TH-OAG");
        receipt.Receipt.RequestId.ShouldBe("TH-OAG-2026-000003");
    }

    [Fact]
    public void a_rejection_turned_into_an_acceptance_no_longer_verifies()
    {
        var header = Header();
        var rejected = SignedReceipt.Sign(Thailand.Keys, header, ReceiptStatus.Rejected, "replayed", "Accepted already.", null, Clock.GetCurrentInstant().ToDateTimeOffset());
        var forged = Encoding.UTF8.GetString(rejected.ToJson()).Replace("\"rejected\"", "\"accepted\"", StringComparison.Ordinal);

        SignedReceipt.Parse(Encoding.UTF8.GetBytes(forged)).IsSignedBy(China.Peers).ShouldBeFalse();
    }

    [Fact]
    public void a_receipt_that_is_not_one_is_a_format_error()
    {
        Should.Throw<FormatException>(() => SignedReceipt.Parse("{\"issuer\":\"TH-OAG\"}"u8)).Message.ShouldStartWith("Not a receipt");
    }

    private SignedReceipt Accepted() =>
        SignedReceipt.Sign(Thailand.Keys, Header(), ReceiptStatus.Accepted, null, null, "TH-OAG-2026-000003", Clock.GetCurrentInstant().ToDateTimeOffset());

    private EnvelopeHeader Header() =>
        China.Sealer.Seal(China.Authority, Thailand.Authority, "CN-MOJ-2026-000017/m1", "CN-MOJ-2026-000017", "request", "x"u8.ToArray()).Header;
}
