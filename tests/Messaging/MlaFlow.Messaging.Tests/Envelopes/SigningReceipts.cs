using System.Text;
using MlaFlow.Messaging.Envelopes;
using MlaFlow.Testing;

namespace MlaFlow.Messaging.Tests.Envelopes;

/// <summary>TH-OAG answers CN-MOJ's envelope with a receipt CN-MOJ can check is TH-OAG's, and that no one changed.</summary>
public sealed class SigningReceipts : IDisposable
{
    private readonly FakeClock _clock = FakeClock.At(2026, 11, 22);
    private readonly AuthorityNode _china;
    private readonly AuthorityNode _thailand;

    public SigningReceipts()
    {
        _china = new AuthorityNode("CN-MOJ", _clock);
        _thailand = new AuthorityNode("TH-OAG", _clock);
        _china.Trust(_thailand);
        _thailand.Trust(_china);
    }

    public void Dispose()
    {
        _china.Dispose();
        _thailand.Dispose();
    }

    [Fact]
    public void an_acceptance_survives_the_wire_and_verifies_with_the_recipients_key()
    {
        var receipt = SignedReceipt.Parse(Accepted().ToJson());

        receipt.IsSignedBy(_china.Peers).ShouldBeTrue();
        receipt.Receipt.Status.ShouldBe(ReceiptStatus.Accepted);
        receipt.Receipt.Issuer.Value.ShouldBe("TH-OAG");
        receipt.Receipt.RequestId.ShouldBe("TH-OAG-2026-000003");
    }

    [Fact]
    public void a_rejection_turned_into_an_acceptance_no_longer_verifies()
    {
        var header = Header();
        var rejected = SignedReceipt.Sign(_thailand.Keys, header, ReceiptStatus.Rejected, "replayed", "Accepted already.", null, _clock.GetCurrentInstant().ToDateTimeOffset());
        var forged = Encoding.UTF8.GetString(rejected.ToJson()).Replace("\"rejected\"", "\"accepted\"", StringComparison.Ordinal);

        SignedReceipt.Parse(Encoding.UTF8.GetBytes(forged)).IsSignedBy(_china.Peers).ShouldBeFalse();
    }

    [Fact]
    public void a_receipt_that_is_not_one_is_a_format_error()
    {
        Should.Throw<FormatException>(() => SignedReceipt.Parse("{\"issuer\":\"TH-OAG\"}"u8)).Message.ShouldStartWith("Not a receipt");
    }

    private SignedReceipt Accepted() =>
        SignedReceipt.Sign(_thailand.Keys, Header(), ReceiptStatus.Accepted, null, null, "TH-OAG-2026-000003", _clock.GetCurrentInstant().ToDateTimeOffset());

    private EnvelopeHeader Header() =>
        _china.Sealer.Seal(_china.Authority, _thailand.Authority, "CN-MOJ-2026-000017/m1", "CN-MOJ-2026-000017", "request", "x"u8.ToArray()).Header;
}
