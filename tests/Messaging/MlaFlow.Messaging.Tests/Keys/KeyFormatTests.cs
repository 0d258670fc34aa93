using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MlaFlow.Messaging.Keys;
using static MlaFlow.Messaging.Tests.Keys.KeyFolder;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>
/// The files and fingerprints are what docs/messaging.md ("Keys") says: read here with the BCL's PBKDF2, AES-GCM,
/// SHA-256 and ECDSA alone, following the document rather than the implementation, so an auditor (or another
/// implementation) can do the same.
/// </summary>
public sealed class KeyFormatTests : IDisposable
{
    private const string Passphrase = "correct horse battery staple";

    private readonly KeyFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void a_sealed_private_key_opens_as_documented_with_the_bcl_alone()
    {
        AuthorityKey signing;
        using (var store = _folder.Open(KeyProtection.Passphrase(Passphrase, TestIterations)))
        {
            signing = store.Generate(China, KeySuite.P256)[1];
        }

        var header = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.KeysFolder, "store.json"))).RootElement;
        var sealingKey = Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(Passphrase), Convert.FromBase64String(header.GetProperty("salt").GetString()!),
            header.GetProperty("iterations").GetInt32(), HashAlgorithmName.SHA256, 32);
        using var aes = new AesGcm(sealingKey, 16);
        var check = Convert.FromBase64String(header.GetProperty("check").GetString()!);
        aes.Decrypt(check[..12], [], check[12..], [], "MlaFlow key store check v1"u8);

        var entry = JsonDocument.Parse(File.ReadAllText(_folder.OwnFile(China))).RootElement.GetProperty("keys")
            .EnumerateArray().Single(k => k.GetProperty("id").GetString() == signing.Id.Value);
        var sealedKey = Convert.FromBase64String(entry.GetProperty("sealedPrivateKey").GetString()!);
        var scalar = new byte[32];
        aes.Decrypt(sealedKey[..12], sealedKey[12..^16], sealedKey[^16..], scalar, Encoding.ASCII.GetBytes($"MlaFlow sealed private key v1\0CN-MOJ\0{signing.Id}"));

        using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar });
        var point = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        ((byte[])[0x04, .. point.X!, .. point.Y!]).ShouldBe(Convert.FromBase64String(entry.GetProperty("publicKey").GetString()!));
        var message = "signed outside MlaFlow"u8.ToArray();
        signing.Verify(message, ecdsa.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)).ShouldBeTrue();
    }

    [Fact]
    public void key_ids_and_fingerprints_are_computed_as_documented()
    {
        using var store = _folder.Open();
        var keys = store.Generate(China, KeySuite.Default);

        foreach (var key in keys)
        {
            var digest = SHA256.HashData([.. "MlaFlow key v1\0"u8, .. Encoding.ASCII.GetBytes(key.PublicKey.Algorithm.Name + "\0"), .. key.PublicKey.Bytes]);
            key.Fingerprint.ToString().ShouldBe(string.Join(' ', Convert.ToHexString(digest).Chunk(4).Select(c => new string(c))));
            key.Id.Value.ShouldBe(Convert.ToHexStringLower(digest[..16]));
        }
    }

    [Fact]
    public void the_bundle_fingerprint_is_computed_as_documented_from_the_bundle_file()
    {
        using var store = _folder.Open();
        store.Generate(China, KeySuite.Default);
        _folder.Advance(days: 1);
        store.Rotate(China);
        var bundle = store.ExportPublic(China);
        var json = JsonDocument.Parse(bundle.ToJson()).RootElement;

        var encoding = new List<byte>("MlaFlow public key bundle v1\0"u8.ToArray());
        Field(encoding, Encoding.ASCII.GetBytes(json.GetProperty("authority").GetString()!));
        encoding.AddRange(BigEndian(json.GetProperty("keys").GetArrayLength()));
        foreach (var key in json.GetProperty("keys").EnumerateArray().OrderBy(k => k.GetProperty("id").GetString(), StringComparer.Ordinal))
        {
            foreach (var member in (string[])["id", "use", "suite", "status", "created", "retired", "revoked"])
            {
                Field(encoding, Encoding.ASCII.GetBytes(key.GetProperty(member).GetString() ?? ""));
            }

            Field(encoding, Convert.FromBase64String(key.GetProperty("publicKey").GetString()!));
        }

        bundle.Fingerprint.Hex.ShouldBe(Convert.ToHexString(SHA256.HashData([.. encoding])));
    }

    private static void Field(List<byte> encoding, byte[] field)
    {
        encoding.AddRange(BigEndian(field.Length));
        encoding.AddRange(field);
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
        return bytes;
    }
}
