using System.Security.Cryptography;
using MlaFlow.Messaging.Hpke;
using MlaFlow.Messaging.Hpke.Primitives;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>
/// The BCL key objects a P-256 key keeps: made once, used for every DH, released when the key is disposed; and the DH that
/// goes to libcrypto directly (without OpenSSL's repeated peer check) gives what the BCL's own DH gives.
/// </summary>
public sealed class KeyObjectTests
{
    private static readonly HpkeCipher P256 = new(new HpkeSuite(HpkeKem.DhkemP256HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm));

    [Fact]
    public void on_linux_with_openssl_3_the_dh_goes_to_libcrypto_directly()
    {
        EcdhKeyObjects.DerivesDirectly.ShouldBe(OperatingSystem.IsLinux() && SafeEvpPKeyHandle.OpenSslVersion >= 0x3000_0000);
    }

    [Fact]
    public void the_direct_dh_gives_the_bcls_shared_secret()
    {
        for (var i = 0; i < 20; i++)
        {
            using var own = EcdhKeyObjects.Generate(ECCurve.NamedCurves.nistP256);
            using var generated = EcdhKeyObjects.Generate(ECCurve.NamedCurves.nistP256);
            using var imported = EcdhKeyObjects.Import(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = generated.ExportParameters(false).Q });
            using var importedPublic = imported.PublicKey;

            var expected = own.DeriveRawSecretAgreement(importedPublic);
            EcdhKeyObjects.DeriveRawSecret(own, imported, 32).ShouldBe(expected);
            EcdhKeyObjects.DeriveRawSecret(own, generated, 32).ShouldBe(expected);
        }
    }

    [Fact]
    public void a_disposed_public_key_still_serializes_but_takes_no_more_messages()
    {
        using var recipient = P256.GenerateKeyPair();
        var publicKey = P256.DeserializePublicKey(recipient.PublicKey.Serialize());
        P256.Seal(HpkeMode.Base, publicKey, [], [], "first"u8).Ciphertext.Length.ShouldBeGreaterThan(0);

        publicKey.Dispose();

        publicKey.Serialize().ShouldBe(recipient.PublicKey.Serialize());
        Should.Throw<ObjectDisposedException>(() => P256.Seal(HpkeMode.Base, publicKey, [], [], "second"u8));
    }

    [Fact]
    public void a_key_pair_disposes_its_public_key_with_it()
    {
        var recipient = P256.GenerateKeyPair();
        P256.Seal(HpkeMode.Base, recipient.PublicKey, [], [], "to the pair's public key"u8);

        recipient.Dispose();

        Should.Throw<ObjectDisposedException>(() => P256.Seal(HpkeMode.Base, recipient.PublicKey, [], [], "again"u8));
    }
}
