using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MlaFlow.Messaging.Keys;
using static MlaFlow.Messaging.Tests.Keys.KeyFolder;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>
/// Both suites sign and verify as their standards say: known answers from RFC 8032 (Ed25519), RFC 6979
/// (ECDSA P-256) and RFC 7748 (X25519), and any change to a message or signature fails verification.
/// </summary>
public sealed class SignatureTests : IDisposable
{
    private readonly KeyFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Suites => [.. KeySuite.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Suites))]
    public void a_signature_verifies_with_the_signers_key_and_fails_when_message_signature_or_key_changes(string suite)
    {
        using var store = _folder.Open();
        var keySuite = Generate(store, China, suite);
        Generate(store, Thailand, suite);
        var message = Encoding.UTF8.GetBytes("request for evidence CN-2026-000042");
        var signer = store.CurrentSigningKey(China, keySuite.IsPostQuantum);
        var signature = signer.Sign(message);
        var key = store.CurrentKey(China, KeyUse.Signing, keySuite.IsPostQuantum);

        signature.Length.ShouldBe(keySuite.Signing.SignatureLength);
        key.Verify(message, signature).ShouldBeTrue();
        var tampered = (byte[])signature.Clone();
        tampered[10] ^= 0x01;
        key.Verify(message, tampered).ShouldBeFalse();
        key.Verify(Encoding.UTF8.GetBytes("request for evidence CN-2026-000043"), signature).ShouldBeFalse();
        key.Verify(message, signature.AsSpan(0, 63)).ShouldBeFalse();
        store.CurrentKey(Thailand, KeyUse.Signing, keySuite.IsPostQuantum).Verify(message, signature).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void any_message_verifies_and_any_flipped_bit_of_its_signature_does_not(string suite)
    {
        using var store = _folder.Open();
        var keySuite = Generate(store, China, suite);
        var signer = store.CurrentSigningKey(China, keySuite.IsPostQuantum);
        var key = signer.Key;
        var cases =
            from message in ArbMap.Default.GeneratorFor<byte[]>()
            from bit in Gen.Choose(0, (keySuite.Signing.SignatureLength * 8) - 1)
            select (message, bit);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(50), Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var signature = signer.Sign(c.message);
            var flipped = (byte[])signature.Clone();
            flipped[c.bit / 8] ^= (byte)(1 << (c.bit % 8));
            return key.Verify(c.message, signature) && !key.Verify(c.message, flipped);
        }));
    }

    [Fact]
    public void ed25519_signs_as_rfc_8032_test_1_says()
    {
        var secret = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        var expectedPublic = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var expectedSignature = Convert.FromHexString(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        var derived = new byte[32];

        KeyAlgorithm.Ed25519.DerivePublicKey(secret, derived);

        derived.ShouldBe(expectedPublic);
        KeyAlgorithm.Ed25519.Sign(secret, expectedPublic, []).ShouldBe(expectedSignature);
        PublicKey.Create(KeyAlgorithm.Ed25519, expectedPublic).Verify([], expectedSignature).ShouldBeTrue();
    }

    [Fact]
    public void ecdsa_p256_verifies_the_rfc_6979_sample_signature_and_derives_its_public_key()
    {
        // RFC 6979 A.2.5: P-256, SHA-256, message "sample".
        var scalar = Convert.FromHexString("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
        var point = Convert.FromHexString(
            "04" + "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6" + "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299");
        var signature = Convert.FromHexString(
            "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716" + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8");
        var derived = new byte[65];

        KeyAlgorithm.EcdsaP256Sha256.DerivePublicKey(scalar, derived);

        derived.ShouldBe(point);
        var key = PublicKey.Create(KeyAlgorithm.EcdsaP256Sha256, point);
        key.Verify("sample"u8, signature).ShouldBeTrue();
        key.Verify("sample"u8, KeyAlgorithm.EcdsaP256Sha256.Sign(scalar, point, "sample"u8)).ShouldBeTrue();
        key.Verify("samples"u8, signature).ShouldBeFalse();
    }

    [Fact]
    public void x25519_derives_the_rfc_7748_public_key()
    {
        // RFC 7748 §6.1, Alice.
        var secret = Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        var derived = new byte[32];

        KeyAlgorithm.X25519.DerivePublicKey(secret, derived);

        derived.ShouldBe(Convert.FromHexString("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
    }

    [Fact]
    public void an_encryption_key_verifies_no_signature()
    {
        using var store = _folder.Open();
        var encryption = store.Generate(China, KeySuite.Default)[0];

        Should.Throw<KeyRefusedException>(() => encryption.Verify([1], new byte[64])).Reason.ShouldBe(KeyRefusal.WrongUse);
        Should.Throw<InvalidOperationException>(() => encryption.PublicKey.Verify([1], new byte[64]));
    }

    // The post-quantum suite comes beside a classical one: the default, here.
    private static KeySuite Generate(KeyStore store, Plugins.Sdk.AuthorityId authority, string suite)
    {
        KeySuite.TryParse(suite, out var keySuite).ShouldBeTrue();
        store.Generate(authority, keySuite!.IsPostQuantum ? KeySuite.Default : keySuite, postQuantum: keySuite.IsPostQuantum);
        return keySuite;
    }
}
