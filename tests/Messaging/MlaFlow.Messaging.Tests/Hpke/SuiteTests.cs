using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Messaging.Tests.Hpke;

/// <summary>Suites are named by RFC 9180's identifiers; what is not implemented is refused with the list of what is.</summary>
public sealed class SuiteTests
{
    [Fact]
    public void every_combination_of_the_implemented_kems_kdfs_and_aeads_is_supported()
    {
        HpkeSuite.Supported.Count.ShouldBe(5 * 2 * 4);
        HpkeSuite.Supported.Distinct().Count().ShouldBe(HpkeSuite.Supported.Count);
        HpkeSuite.Supported.ShouldContain(new HpkeSuite(HpkeKem.DhkemP521HkdfSha512, HpkeKdf.HkdfSha512, HpkeAead.Aes256Gcm));
    }

    [Fact]
    public void identifiers_are_the_rfc_values()
    {
        ((ushort)HpkeKem.DhkemP256HkdfSha256).ShouldBe((ushort)0x0010);
        ((ushort)HpkeKem.DhkemP521HkdfSha512).ShouldBe((ushort)0x0012);
        ((ushort)HpkeKem.DhkemX25519HkdfSha256).ShouldBe((ushort)0x0020);
        ((ushort)HpkeKem.MLKem768).ShouldBe((ushort)0x0041);
        ((ushort)HpkeKem.MLKem768X25519).ShouldBe((ushort)0x647a);
        ((ushort)HpkeKdf.HkdfSha256).ShouldBe((ushort)0x0001);
        ((ushort)HpkeKdf.HkdfSha512).ShouldBe((ushort)0x0003);
        ((ushort)HpkeAead.Aes128Gcm).ShouldBe((ushort)0x0001);
        ((ushort)HpkeAead.Aes256Gcm).ShouldBe((ushort)0x0002);
        ((ushort)HpkeAead.ChaCha20Poly1305).ShouldBe((ushort)0x0003);
        ((ushort)HpkeAead.ExportOnly).ShouldBe((ushort)0xFFFF);
    }

    [Theory]
    [InlineData(0x0011, 0x0001, 0x0001, "KEM 0x0011 is not supported; supported: 0x0010 DHKEM(P-256, HKDF-SHA256), ")]
    [InlineData(0x0021, 0x0001, 0x0001, "KEM 0x0021 is not supported; supported: 0x0010 DHKEM(P-256, HKDF-SHA256), ")]
    [InlineData(0x0020, 0x0002, 0x0001, "KDF 0x0002 is not supported; supported: 0x0001 HKDF-SHA256, 0x0003 HKDF-SHA512.")]
    [InlineData(0x0020, 0x0001, 0x0004, "AEAD 0x0004 is not supported; supported: 0x0001 AES-128-GCM, ")]
    public void an_unsupported_identifier_is_refused_by_name_with_the_supported_ones_listed(int kem, int kdf, int aead, string message)
    {
        HpkeSuite.TryCreate((ushort)kem, (ushort)kdf, (ushort)aead, out var suite, out var problem).ShouldBeFalse();
        suite.ShouldBeNull();
        problem.ShouldStartWith(message);
        Should.Throw<NotSupportedException>(() => new HpkeSuite((HpkeKem)kem, (HpkeKdf)kdf, (HpkeAead)aead)).Message.ShouldBe(problem);
    }

    [Fact]
    public void a_suite_reads_as_the_rfc_names_it()
    {
        new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.ChaCha20Poly1305).ToString()
            .ShouldBe("DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20Poly1305");
    }
}
