using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using MlaFlow.Messaging.Keys;
using static MlaFlow.Messaging.Tests.Keys.KeyFolder;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>
/// Public keys that are not what an honest peer makes — small order (1, 2, 4, 8), non-canonical, off the curve — are
/// refused wherever a key enters: a bundle being imported, a key file being loaded. A signature check with one answers
/// false and never throws; in particular the neutral point with R = neutral, S = 0 verifies nothing.
/// </summary>
public sealed class SmallOrderKeyTests : IDisposable
{
    private static readonly BigInteger P = (BigInteger.One << 255) - 19;

    private readonly KeyFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Ed25519 encodings (RFC 8032 §5.1.2: y little-endian, the sign of x in the top bit) no peer key may have.</summary>
    public static TheoryData<string, string> BadEd25519Keys() => new()
    {
        { "order 1 (the neutral point, y = 1)", Hex(BigInteger.One) },
        { "order 2 (y = -1)", Hex(P - 1) },
        { "order 4 (y = 0)", Hex(BigInteger.Zero) },
        { "order 4 (y = 0, x negative)", Hex(BigInteger.Zero, topBit: true) },
        { "order 8", "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05" },
        { "order 8 (x negative)", "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85" },
        { "non-canonical (y = p, that is 0)", Hex(P) },
        { "non-canonical (y = p + 1, the neutral point)", Hex(P + 1) },
        { "off the curve (y = 2: no x)", Hex(2) },
        { "31 bytes", "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc" },
    };

    /// <summary>X25519 u-coordinates (RFC 7748 §5, little-endian) no peer key may have.</summary>
    public static TheoryData<string, string> BadX25519Keys() => new()
    {
        { "order 2 (u = 0)", Hex(BigInteger.Zero) },
        { "order 4 (u = 1)", Hex(BigInteger.One) },
        { "order 8", "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800" },
        { "order 8, the other", "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157" },
        { "non-canonical (u = p, that is 0)", Hex(P) },
        { "non-canonical (u = p + 1, that is 1)", Hex(P + 1) },
        { "non-canonical (top bit set on the base point)", Hex(9, topBit: true) },
        { "off the curve (u = 2 lies on the twist)", Hex(2) },
        { "off the curve (u = -1 lies on the twist)", Hex(P - 1) },
    };

    [Theory]
    [MemberData(nameof(BadEd25519Keys))]
    public void a_bundle_with_a_bad_ed25519_signing_key_is_refused(string what, string key)
    {
        var problem = Should.Throw<FormatException>(() => PublicKeyBundle.Parse(BundleWith(KeyUse.Signing, key)), what);
        problem.Message.ShouldContain("Not a valid Ed25519 public key");
    }

    [Theory]
    [MemberData(nameof(BadX25519Keys))]
    public void a_bundle_with_a_bad_x25519_encryption_key_is_refused(string what, string key)
    {
        var problem = Should.Throw<FormatException>(() => PublicKeyBundle.Parse(BundleWith(KeyUse.Encryption, key)), what);
        problem.Message.ShouldContain("Not a valid X25519 public key");
    }

    [Fact]
    public void a_peer_file_holding_a_small_order_key_stops_the_directory_from_loading()
    {
        var bundle = PublicKeyBundle.Parse(BundleWith(KeyUse.Signing, null));
        _folder.OpenPeers().Import(bundle, bundle.Fingerprint);
        var file = Path.Combine(_folder.KeysFolder, "peers", $"{Thailand}.json");
        File.WriteAllBytes(file, Replace(File.ReadAllBytes(file), KeyUse.Signing, Hex(BigInteger.One)));

        Should.Throw<KeyStoreException>(_folder.OpenPeers).Message.ShouldContain("Not a valid Ed25519 public key");
    }

    [Fact]
    public void an_own_key_file_holding_a_small_order_key_stops_the_store_from_opening()
    {
        using (var store = _folder.Open())
        {
            store.Generate(China, KeySuite.Default);
        }

        var file = _folder.OwnFile(China);
        File.WriteAllBytes(file, Replace(File.ReadAllBytes(file), KeyUse.Encryption, Hex(BigInteger.Zero)));

        Should.Throw<KeyStoreException>(_folder.Open).Message.ShouldContain("Not a valid X25519 public key");
    }

    [Theory]
    [MemberData(nameof(BadEd25519Keys))]
    public void a_signature_check_with_a_bad_ed25519_key_answers_false_and_never_throws(string what, string key)
    {
        var publicKey = Convert.FromHexString(key);
        // R = the neutral point, S = 0: the forgery that verifies any message under the neutral point as public key.
        byte[] neutralForgery = [.. Convert.FromHexString(Hex(BigInteger.One)), .. new byte[32]];
        var message = Encoding.ASCII.GetBytes($"any message, for a key of {what}");

        KeyAlgorithm.Ed25519.Verify(publicKey, message, neutralForgery).ShouldBeFalse(what);
        KeyAlgorithm.Ed25519.Verify(publicKey, message, new byte[64]).ShouldBeFalse(what);
        KeyAlgorithm.Ed25519.Verify(publicKey, message, new byte[63]).ShouldBeFalse(what);
    }

    [Fact]
    public void valid_keys_still_pass_the_checks()
    {
        using var store = _folder.Open();
        foreach (var key in store.Generate(China, KeySuite.Default))
        {
            key.PublicKey.Algorithm.PublicKeyProblem(key.PublicKey.Bytes).ShouldBeNull(key.ToString());
        }

        // The X25519 base point (u = 9) is on the curve and of large order.
        KeyAlgorithm.X25519.PublicKeyProblem(Convert.FromHexString(Hex(9))).ShouldBeNull();
    }

    // A bundle of Thailand's real keys, with the public key of one use replaced (null: left as generated).
    private byte[] BundleWith(KeyUse use, string? publicKeyHex)
    {
        using var thai = new KeyFolder();
        using var store = thai.Open();
        store.Generate(Thailand, KeySuite.Default);
        var json = store.ExportPublic(Thailand).ToJson();
        return publicKeyHex is null ? json : Replace(json, use, publicKeyHex);
    }

    private static byte[] Replace(byte[] json, KeyUse use, string publicKeyHex)
    {
        var document = JsonNode.Parse(json)!;
        var entry = document["keys"]!.AsArray().First(k => k!["use"]!.GetValue<string>() == use.ToString().ToLowerInvariant())!;
        entry["publicKey"] = Convert.ToBase64String(Convert.FromHexString(publicKeyHex));
        return Encoding.UTF8.GetBytes(document.ToJsonString());
    }

    // 32 bytes little-endian, as both curves encode their coordinate, with the top bit set if asked.
    private static string Hex(BigInteger value, bool topBit = false)
    {
        var bytes = new byte[32];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false).ShouldBeTrue();
        bytes[31] |= topBit ? (byte)0x80 : (byte)0;
        return Convert.ToHexStringLower(bytes);
    }
}
