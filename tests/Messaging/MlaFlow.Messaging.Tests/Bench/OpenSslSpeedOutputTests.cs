using MlaFlow.Bench.OpenSsl;

namespace MlaFlow.Messaging.Tests.Bench;

/// <summary>
/// The benchmark harness reads <c>openssl speed -mr</c> (bench/MlaFlow.Bench, compiled into this assembly by source so
/// the harness itself never runs under test). The samples are stdout of OpenSSL 3.0.19 on the development machine.
/// </summary>
public sealed class OpenSslSpeedOutputTests
{
    private const string AesGcmAllSizes = """
        +H:16:64:256:1024:8192:16384
        +F:25:AES-256-GCM:17288480.00:60926144.00:218736128.00:638084096.00:1551843328.00:1769324544.00

        """;

    private const string Sha256 = "+H:65536\n+F:6:sha256:376979456.00\n";

    private const string X25519 = "+F5:22:253:21062.000000:0.000047\n";

    private const string P256 = "+F5:3:256:10422.000000:0.000096\n";

    private const string EcdsaP256 = "+F4:3:256:26382.000000:7370.000000\n";

    private const string Ed25519 = "+F6:0:253:Ed25519:19088.000000:7377.000000\n";

    [Fact]
    public void a_cipher_rate_is_read_from_the_column_of_the_block_size() =>
        OpenSslSpeedOutput.CipherBytesPerSecond(AesGcmAllSizes, "AES-256-GCM", 1024).ShouldBe(638084096.00);

    [Fact]
    public void a_digest_is_matched_by_name_whatever_the_case() =>
        OpenSslSpeedOutput.CipherBytesPerSecond(Sha256, "SHA256", 65536).ShouldBe(376979456.00);

    [Fact]
    public void ecdh_rates_are_operations_per_second_of_the_curve_with_that_many_bits()
    {
        OpenSslSpeedOutput.EcdhPerSecond(X25519, 253).ShouldBe(21062.0);
        OpenSslSpeedOutput.EcdhPerSecond(P256, 256).ShouldBe(10422.0);
    }

    [Fact]
    public void signature_rates_are_signs_then_verifies_per_second()
    {
        OpenSslSpeedOutput.EcdsaPerSecond(EcdsaP256, 256).ShouldBe((26382.0, 7370.0));
        OpenSslSpeedOutput.EddsaPerSecond(Ed25519, "Ed25519").ShouldBe((19088.0, 7377.0));
    }

    [Fact]
    public void windows_line_ends_and_unrelated_lines_are_ignored() =>
        OpenSslSpeedOutput.EcdhPerSecond("version: 3.0.19\r\n+F5:22:253:21062.000000:0.000047\r\n", 253).ShouldBe(21062.0);

    [Theory]
    [InlineData(AesGcmAllSizes, "AES-256-GCM", 65536)]
    [InlineData(AesGcmAllSizes, "ChaCha20-Poly1305", 1024)]
    [InlineData("+F:25:AES-256-GCM:638084096.00\n", "AES-256-GCM", 1024)]
    public void a_cipher_result_that_is_not_there_is_a_format_error(string output, string algorithm, int blockSize) =>
        Should.Throw<FormatException>(() => OpenSslSpeedOutput.CipherBytesPerSecond(output, algorithm, blockSize));

    [Fact]
    public void a_result_for_another_curve_is_not_taken() =>
        Should.Throw<FormatException>(() => OpenSslSpeedOutput.EcdhPerSecond(P256, 253));

    [Theory]
    [InlineData("+F5:22:253:0.000000:inf\n")]
    [InlineData("+F5:22:253:nan:0.000047\n")]
    [InlineData("+F5:22:253:many:0.000047\n")]
    public void a_rate_that_is_not_a_positive_number_is_a_format_error(string output) =>
        Should.Throw<FormatException>(() => OpenSslSpeedOutput.EcdhPerSecond(output, 253));

    [Fact]
    public void empty_output_is_a_format_error() =>
        Should.Throw<FormatException>(() => OpenSslSpeedOutput.EddsaPerSecond("", "Ed25519"));
}
