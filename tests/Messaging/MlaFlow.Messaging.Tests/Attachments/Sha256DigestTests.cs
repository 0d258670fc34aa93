using MlaFlow.Messaging.Attachments;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>The digest kept with a request reads back from the 64 hexadecimal digits it is written as.</summary>
public sealed class Sha256DigestTests
{
    [Fact]
    public void a_digest_is_written_as_64_lower_case_hex_digits_and_read_back_in_either_case()
    {
        var digest = Sha256Digest.Of("abc"u8);

        digest.ToString().ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        Sha256Digest.Parse("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD").ShouldBe(digest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ba7816bf")]
    [InlineData("zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void anything_else_is_not_a_digest(string text)
    {
        Sha256Digest.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<FormatException>(() => Sha256Digest.Parse(text));
    }

    [Fact]
    public void a_digest_has_32_bytes() => Should.Throw<ArgumentException>(() => Sha256Digest.FromBytes(new byte[31]));
}
