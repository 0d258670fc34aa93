using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using MlaFlow.Messaging.Hpke;
using MlaFlow.Silo.Tests.Processes;
using MlaFlow.Testing;

namespace MlaFlow.Silo.Tests.Commands;

/// <summary>
/// <c>MlaFlow.Silo hpke seal|open</c>: what an integrator runs to check another authority's HPKE against ours.
/// Seal prints enc and the ciphertext as two hex lines; open writes the plaintext bytes; bad input is exit 2,
/// a message that does not open exit 1, each with one <c>error:</c> line and nothing on stdout.
/// </summary>
public sealed partial class HpkeCommandTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    [Theory]
    [InlineData("32", "1", "1", "base")]
    [InlineData("0x0020", "0x0001", "0x0003", "psk")]
    [InlineData("0x0010", "0x0003", "0x0003", "auth_psk")]
    [InlineData("18", "3", "2", "auth")]
    [InlineData("0x647a", "1", "2", "base")]
    [InlineData("0x0041", "0x0001", "0x0003", "psk")]
    public async Task what_seal_prints_open_turns_back_into_the_same_bytes(string kem, string kdf, string aead, string mode)
    {
        var cipher = new HpkeCipher(new HpkeSuite((HpkeKem)Id(kem), (HpkeKdf)Id(kdf), (HpkeAead)Id(aead)));
        using var recipient = cipher.GenerateKeyPair();
        using var sender = cipher.GenerateKeyPair();
        var plaintext = RandomNumberGenerator.GetBytes(1000);
        plaintext[0] = 0x00;
        plaintext[1] = 0xFF;
        var suite = new[] { "--kem", kem, "--kdf", kdf, "--aead", aead, "--mode", mode, "--info", "6d6c61", "--aad", "" };
        string[] psk = mode.Contains("psk", StringComparison.Ordinal) ? ["--psk", Hex(RandomNumberGenerator.GetBytes(32)), "--psk-id", "6b31"] : [];
        var skS = Hex(sender.SerializePrivateKey());
        var skR = Hex(recipient.SerializePrivateKey());

        var sealedMessage = await SiloCli.RunAsync(NoSettings, plaintext,
            ["hpke", "seal", .. suite, .. psk, "--pkR", Hex(recipient.PublicKey.Serialize()), .. mode.StartsWith("auth", StringComparison.Ordinal) ? new[] { "--skS", skS } : []]);

        sealedMessage.ExitCode.ShouldBe(0, sealedMessage.ToString());
        sealedMessage.StandardError.ShouldBeEmpty();
        sealedMessage.OutputLines.Count.ShouldBe(2, sealedMessage.ToString());
        var (enc, ciphertext) = (sealedMessage.OutputLines[0], sealedMessage.OutputLines[1]);
        LowerHex().IsMatch(enc).ShouldBeTrue(enc);
        LowerHex().IsMatch(ciphertext).ShouldBeTrue(ciphertext);
        enc.Length.ShouldBe(2 * cipher.EncLength);
        ciphertext.Length.ShouldBe(2 * (plaintext.Length + 16));
        sealedMessage.StandardOutput.ShouldNotContain(skS);

        var opened = await SiloCli.RunAsync(NoSettings, System.Text.Encoding.ASCII.GetBytes(ciphertext + "\n"),
            ["hpke", "open", .. suite, .. psk, "--skR", skR, "--enc", enc, .. mode.StartsWith("auth", StringComparison.Ordinal) ? new[] { "--pkS", Hex(sender.PublicKey.Serialize()) } : []]);

        opened.ExitCode.ShouldBe(0, opened.ToString());
        opened.StandardError.ShouldBeEmpty();
        opened.StandardOutputBytes.ShouldBe(plaintext);
        opened.StandardOutput.ShouldNotContain(skR);
    }

    [SkippableTheory]
    [InlineData(0, 0x0020, 0x0001, 0x0001)]
    [InlineData(3, 0x0020, 0x0001, 0x0003)]
    [InlineData(1, 0x0010, 0x0001, 0x0001)]
    [InlineData(2, 0x0010, 0x0003, 0x0001)]
    [InlineData(3, 0x0010, 0x0001, 0x0003)]
    [InlineData(3, 0x0012, 0x0003, 0x0002)]
    public async Task opening_an_rfc_9180_vector_gives_its_plaintext(int mode, int kem, int kdf, int aead)
    {
        var vector = RfcVector(mode, kem, kdf, aead);
        var first = vector.GetProperty("encryptions")[0];
        first.GetProperty("sequence number").GetInt32().ShouldBe(0, "single-shot open is the first message of a context");

        var result = await SiloCli.RunAsync(NoSettings, System.Text.Encoding.ASCII.GetBytes(Field(first, "ct")),
        [
            "hpke", "open", "--kem", $"{kem}", "--kdf", $"0x{kdf:x4}", "--aead", $"{aead}", "--mode", ModeName(mode),
            "--skR", Field(vector, "skRm"), "--enc", Field(vector, "enc"), "--info", Field(vector, "info"), "--aad", Field(first, "aad"),
            .. vector.TryGetProperty("psk", out _) ? new[] { "--psk", Field(vector, "psk"), "--psk-id", Field(vector, "psk_id") } : [],
            .. vector.TryGetProperty("pkSm", out _) ? new[] { "--pkS", Field(vector, "pkSm") } : [],
        ]);

        result.ExitCode.ShouldBe(0, result.ToString());
        Hex(result.StandardOutputBytes).ShouldBe(Field(first, "pt"));
    }

    [Fact]
    public async Task a_tampered_ciphertext_exits_1_with_an_error_and_no_plaintext()
    {
        var cipher = new HpkeCipher(new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.ChaCha20Poly1305));
        using var recipient = cipher.GenerateKeyPair();
        var message = cipher.Seal(HpkeMode.Base, recipient.PublicKey, [], [], "the witness is in Chiang Mai"u8);
        var tampered = Hex(message.Ciphertext.ToArray()).ToCharArray();
        tampered[4] = tampered[4] == '0' ? '1' : '0';

        var result = await SiloCli.RunAsync(NoSettings, System.Text.Encoding.ASCII.GetBytes(new string(tampered)),
            "hpke", "open", "--kem", "32", "--kdf", "1", "--aead", "3", "--mode", "base",
            "--skR", Hex(recipient.SerializePrivateKey()), "--enc", Hex(message.Enc.ToArray()), "--info", "", "--aad", "");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StandardOutputBytes.ShouldBeEmpty();
        OneErrorLine(result).ShouldContain("does not open");
    }

    [Theory]
    [InlineData("error: KEM 0x0011 is not supported; supported: 0x0010 DHKEM(P-256, HKDF-SHA256)", "--kem", "0x0011")]
    [InlineData("error: --kem 'x25519' is not an RFC 9180 id", "--kem", "x25519")]
    [InlineData("error: KDF 0x0002 is not supported", "--kdf", "2")]
    [InlineData("error: --mode 'authpsk' is not one of base, psk, auth, auth_psk.", "--mode", "authpsk")]
    [InlineData("error: --info is not hex: it has an odd number of digits (3).", "--info", "abc")]
    [InlineData("error: --aad is not hex: only the digits 0-9 and a-f are allowed.", "--aad", "zz")]
    [InlineData("error: --mode auth needs --skS.", "--mode", "auth")]
    [InlineData("error: --psk needs --psk-id.", "--mode", "psk", "--psk", "000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f")]
    [InlineData("error: --mode psk needs --psk and --psk-id.", "--mode", "psk")]
    [InlineData("error: --mode base takes no PSK", "--psk", "000102030405060708090a0b0c0d0e0f000102030405060708090a0b0c0d0e0f", "--psk-id", "01")]
    [InlineData("error: --psk: A PSK must be at least 32 bytes (RFC 9180 §5.1.2), not 2.", "--mode", "psk", "--psk", "0001", "--psk-id", "01")]
    [InlineData("error: --mode base takes no --skS", "--skS", "0101010101010101010101010101010101010101010101010101010101010101")]
    [InlineData("error: --pkR: Not a DHKEM(X25519, HKDF-SHA256) public key: an X25519 public key is 32 bytes, not 2.", "--pkR", "0102")]
    [InlineData("error: --aead 0xffff is export-only", "--aead", "0xffff")]
    [InlineData("error: --mode auth: MLKEM768-X25519 has no authenticated mode (draft-ietf-hpke-pq); use base or psk", "--kem", "0x647a", "--mode", "auth")]
    [InlineData("error: --mode auth_psk: ML-KEM-768 has no authenticated mode", "--kem", "0x0041", "--mode", "auth_psk")]
    [InlineData("error: unexpected argument '--recipient'", "--recipient", "01")]
    [InlineData("error: Required argument missing for option: '--aad'.", "--aad")]
    public async Task seal_refuses_bad_arguments_with_exit_code_2_and_one_error_line(string error, params string[] change)
    {
        using var recipient = new HpkeCipher(new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm)).GenerateKeyPair();
        var arguments = WithChange(
            ["hpke", "seal", "--kem", "32", "--kdf", "1", "--aead", "1", "--mode", "base", "--pkR", Hex(recipient.PublicKey.Serialize()), "--info", "", "--aad", ""],
            change);

        var result = await SiloCli.RunAsync(NoSettings, "plaintext"u8.ToArray(), arguments);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardOutput.ShouldBeEmpty();
        OneErrorLine(result).ShouldStartWith(error);
    }

    [Theory]
    [InlineData("error: --aad is required.", "--aad", null)]
    [InlineData("error: --enc is 31 bytes; DHKEM(X25519, HKDF-SHA256) encapsulates in 32.", "--enc", "00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("error: --skR: Not a DHKEM(X25519, HKDF-SHA256) private key: an X25519 private key is 32 bytes, not 1.", "--skR", "07")]
    [InlineData("error: --mode base takes no --pkS", "--pkS", "0909090909090909090909090909090909090909090909090909090909090909")]
    public async Task open_refuses_bad_arguments_with_exit_code_2_and_one_error_line(string error, string option, string? value)
    {
        using var recipient = new HpkeCipher(new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes128Gcm)).GenerateKeyPair();
        string[] change = value is null ? [option, "\0remove"] : [option, value];
        var arguments = WithChange(
            ["hpke", "open", "--kem", "32", "--kdf", "1", "--aead", "1", "--mode", "base", "--skR", Hex(recipient.SerializePrivateKey()),
             "--enc", Hex(recipient.PublicKey.Serialize()), "--info", "", "--aad", ""],
            change);

        var result = await SiloCli.RunAsync(NoSettings, "00"u8.ToArray(), arguments);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StandardOutput.ShouldBeEmpty();
        OneErrorLine(result).ShouldStartWith(error);
    }

    [Fact]
    public async Task a_private_key_that_is_not_hex_is_refused_without_being_echoed()
    {
        const string secretLooking = "5ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e7zz";

        var result = await SiloCli.RunAsync(NoSettings, [],
            "hpke", "open", "--kem", "32", "--kdf", "1", "--aead", "1", "--mode", "base", "--skR", secretLooking,
            "--enc", new string('0', 64), "--info", "", "--aad", "");

        result.ExitCode.ShouldBe(2, result.ToString());
        OneErrorLine(result).ShouldBe("error: --skR is not hex: only the digits 0-9 and a-f are allowed.");
        result.StandardError.ShouldNotContain("5ec2e7");
    }

    /// <summary>
    /// The base arguments with one option replaced, added, or (value "\0remove") removed; an option given
    /// alone (a missing value) is appended last, where the parser sees it without one.
    /// </summary>
    private static string[] WithChange(string[] arguments, string[] change)
    {
        var result = arguments.ToList();
        for (var i = 0; i < change.Length; i++)
        {
            var option = change[i];
            var index = result.IndexOf(option);
            var hasValue = i + 1 < change.Length && !change[i + 1].StartsWith("--", StringComparison.Ordinal);
            if (index >= 0)
            {
                result.RemoveRange(index, 2);
            }

            if (!hasValue)
            {
                result.Add(option);
                continue;
            }

            var value = change[++i];
            if (value != "\0remove")
            {
                result.AddRange([option, value]);
            }
        }

        return [.. result];
    }

    private static string OneErrorLine(CommandResult result)
    {
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.ToString());
        lines[0].ShouldStartWith("error: ");
        return lines[0].TrimEnd('\r');
    }

    private static JsonElement RfcVector(int mode, int kem, int kdf, int aead)
    {
        var path = SharedTestData.Require("hpke/rfc9180-appendix-a.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Single(v => v.GetProperty("mode").GetInt32() == mode && v.GetProperty("kem_id").GetInt32() == kem
                && v.GetProperty("kdf_id").GetInt32() == kdf && v.GetProperty("aead_id").GetInt32() == aead)
            .Clone();
    }

    private static string Field(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static string ModeName(int mode) => mode switch
    {
        0 => "base",
        1 => "psk",
        2 => "auth",
        _ => "auth_psk",
    };

    private static ushort Id(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) ? Convert.ToUInt16(text[2..], 16) : ushort.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex("^[0-9a-f]+$")]
    private static partial Regex LowerHex();
}
