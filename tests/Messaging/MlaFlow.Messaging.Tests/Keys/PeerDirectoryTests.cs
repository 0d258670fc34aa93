using System.Runtime.Versioning;
using System.Text;
using System.Text.Json.Nodes;
using MlaFlow.Messaging.Keys;
using static MlaFlow.Messaging.Tests.Keys.KeyFolder;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>
/// Thailand's node learns China's public keys from China's bundle, and only after a person confirmed its
/// fingerprint; later bundles bring China's rotations and revocations (docs/messaging.md, "Keys").
/// </summary>
public sealed class PeerDirectoryTests : IDisposable
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("execution report");

    private readonly KeyFolder _china = new();
    private readonly KeyFolder _thailand = new();
    private readonly KeyStore _chinaKeys;

    public PeerDirectoryTests()
    {
        _chinaKeys = _china.Open();
        _chinaKeys.Generate(China, KeySuite.Default);
    }

    public void Dispose()
    {
        _chinaKeys.Dispose();
        _china.Dispose();
        _thailand.Dispose();
    }

    [Fact]
    public void a_bundle_confirmed_by_its_fingerprint_lets_the_peer_encrypt_to_the_authority_and_verify_it()
    {
        var bundle = PublicKeyBundle.Parse(_chinaKeys.ExportPublic(China).ToJson());
        var signature = _chinaKeys.CurrentSigningKey(China).Sign(Message);
        var peers = _thailand.OpenPeers();

        var result = peers.Import(bundle, Fingerprint.Parse(bundle.Fingerprint.ToString()));

        result.Added.Count.ShouldBe(2);
        peers.Authorities.ShouldBe([China]);
        peers.CurrentEncryptionKey(China).PublicKey.ShouldBe(_chinaKeys.CurrentKey(China, KeyUse.Encryption).PublicKey);
        peers.Verify(China, _chinaKeys.CurrentSigningKey(China).Id, Message, signature).ShouldBeTrue();
        peers.Verify(China, _chinaKeys.CurrentSigningKey(China).Id, Encoding.UTF8.GetBytes("another report"), signature).ShouldBeFalse();
        _thailand.OpenPeers().Keys(China).ShouldBe(peers.Keys(China));
    }

    [Fact]
    public void a_bundle_with_another_fingerprint_is_refused_naming_its_own_and_nothing_is_imported()
    {
        var bundle = _chinaKeys.ExportPublic(China);
        var other = Fingerprint.Parse(new string('A', 64));

        var refused = Should.Throw<KeyStoreException>(() => _thailand.OpenPeers().Import(bundle, other));

        refused.Message.ShouldContain($"The bundle's fingerprint is {bundle.Fingerprint}, not {other}");
        Directory.Exists(_thailand.KeysFolder).ShouldBeFalse();
        _thailand.OpenPeers().Authorities.ShouldBeEmpty();
    }

    [Fact]
    public void an_unknown_authority_or_key_is_refused_with_its_reason()
    {
        var peers = _thailand.OpenPeers();
        var bundle = _chinaKeys.ExportPublic(China);
        peers.Import(bundle, bundle.Fingerprint);
        var unknownId = KeyId.Parse(new string('b', 32));

        var authority = Should.Throw<KeyRefusedException>(() => peers.CurrentEncryptionKey(Thailand));
        authority.Reason.ShouldBe(KeyRefusal.UnknownAuthority);
        authority.Message.ShouldBe("The peer directory has no keys of TH-OAG; import its bundle with keys import-peer.");
        var key = Should.Throw<KeyRefusedException>(() => peers.Verify(China, unknownId, Message, new byte[64]));
        key.Reason.ShouldBe(KeyRefusal.UnknownKey);
        key.Message.ShouldStartWith($"The peer directory has no key {unknownId} of CN-MOJ");
        Should.Throw<ArgumentException>(() => peers.Find(China, bundle.Keys[1].Id, KeyOperation.Sign));
    }

    [Fact]
    public void a_later_bundle_adds_the_rotated_keys_retires_the_replaced_ones_and_marks_the_revoked_ones()
    {
        var peers = _thailand.OpenPeers();
        var first = _chinaKeys.ExportPublic(China);
        peers.Import(first, first.Fingerprint);
        var oldSigning = _chinaKeys.CurrentSigningKey(China);
        var earlierSignature = oldSigning.Sign(Message);
        var oldEncryption = _chinaKeys.CurrentKey(China, KeyUse.Encryption);
        _china.Advance(days: 30);
        var rotation = _chinaKeys.Rotate(China);
        _chinaKeys.Revoke(China, oldEncryption.Id);
        var second = _chinaKeys.ExportPublic(China);

        var result = peers.Import(second, second.Fingerprint);

        second.Fingerprint.ShouldNotBe(first.Fingerprint);
        result.Added.Select(k => k.Id).ShouldBe(rotation.Added.Select(k => k.Id));
        result.Retired.Select(k => k.Id).ShouldBe([oldSigning.Id]);
        result.Revoked.Select(k => k.Id).ShouldBe([oldEncryption.Id]);
        peers.CurrentEncryptionKey(China).Id.ShouldBe(rotation.Added[0].Id);
        peers.Verify(China, oldSigning.Id, Message, earlierSignature).ShouldBeTrue();
        Should.Throw<KeyRefusedException>(() => peers.Find(China, oldEncryption.Id, KeyOperation.Encrypt)).Reason.ShouldBe(KeyRefusal.Revoked);
        _thailand.OpenPeers().Keys(China).ShouldBe(peers.Keys(China));
    }

    [Fact]
    public void importing_an_older_bundle_again_brings_no_retired_or_revoked_key_back()
    {
        var peers = _thailand.OpenPeers();
        var first = _chinaKeys.ExportPublic(China);
        var revoked = _chinaKeys.CurrentKey(China, KeyUse.Signing);
        _chinaKeys.Rotate(China);
        _chinaKeys.Revoke(China, revoked.Id);
        var second = _chinaKeys.ExportPublic(China);
        peers.Import(second, second.Fingerprint);
        var before = peers.Keys(China);

        var replay = peers.Import(first, first.Fingerprint);

        replay.Changed.ShouldBeFalse();
        peers.Keys(China).ShouldBe(before);
        Should.Throw<KeyRefusedException>(() => peers.Verify(China, revoked.Id, Message, new byte[64])).Reason.ShouldBe(KeyRefusal.Revoked);
    }

    [Fact]
    public void a_new_active_key_retires_the_old_one_even_when_the_bundle_no_longer_lists_it()
    {
        var peers = _thailand.OpenPeers();
        var first = _chinaKeys.ExportPublic(China);
        peers.Import(first, first.Fingerprint);
        _thailand.Advance(days: 7);
        var added = _chinaKeys.Rotate(China).Added;
        var json = JsonNode.Parse(_chinaKeys.ExportPublic(China).ToJson())!;
        var keys = json["keys"]!.AsArray();
        foreach (var retired in keys.Where(k => k!["status"]!.GetValue<string>() == "retired").ToList())
        {
            keys.Remove(retired);
        }

        var trimmed = PublicKeyBundle.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()));
        var result = peers.Import(trimmed, trimmed.Fingerprint);

        result.Retired.Select(k => k.Id).ShouldBe(first.Keys.Select(k => k.Id), ignoreOrder: true);
        result.Retired.ShouldAllBe(k => k.Retired == _thailand.Clock.GetCurrentInstant());
        peers.CurrentEncryptionKey(China).Id.ShouldBe(added[0].Id);
    }

    [Fact]
    public void the_fingerprint_covers_the_keys_not_the_layout_of_the_file()
    {
        var bundle = _chinaKeys.ExportPublic(China);
        var json = JsonNode.Parse(bundle.ToJson())!;

        PublicKeyBundle.Parse(Encoding.UTF8.GetBytes(json.ToJsonString())).Fingerprint.ShouldBe(bundle.Fingerprint);
        var reversed = JsonNode.Parse(bundle.ToJson())!;
        var keys = reversed["keys"]!.AsArray();
        var last = keys[^1]!;
        keys.Remove(last);
        keys.Insert(0, last);
        PublicKeyBundle.Parse(Encoding.UTF8.GetBytes(reversed.ToJsonString())).Fingerprint.ShouldBe(bundle.Fingerprint);

        json["keys"]![0]!["created"] = "2026-03-01T09:00:00Z";
        PublicKeyBundle.Parse(Encoding.UTF8.GetBytes(json.ToJsonString())).Fingerprint.ShouldNotBe(bundle.Fingerprint);
    }

    [Theory]
    [InlineData("id", "00000000000000000000000000000000", "is not the id of its public key")]
    [InlineData("status", "lost", "status: 'lost' is not one of active, retired, revoked")]
    [InlineData("suite", "rsa", "suite: 'rsa' is not one of x25519-ed25519, p256")]
    [InlineData("publicKey", "AAAA", "Not a valid X25519 public key")]
    [InlineData("sealedPrivateKey", "AAAA", "sealedPrivateKey")]
    public void a_bundle_with_a_malformed_or_unexpected_member_is_refused(string member, string value, string message)
    {
        var json = JsonNode.Parse(_chinaKeys.ExportPublic(China).ToJson())!;
        json["keys"]![0]![member] = value;
        var path = Path.Combine(_thailand.DataPath, "bundle.json");
        File.WriteAllText(path, json.ToJsonString());

        Should.Throw<KeyStoreException>(() => PublicKeyBundle.Read(path)).Message.ShouldContain(message);
    }

    [Theory]
    [InlineData("""{ "format": "mlaflow-public-keys/1", "authority": "CN-MOJ", "keys": [null] }""", "an entry is null")]
    [InlineData("""{ "format": "mlaflow-public-keys/1", "authority": "CN-MOJ" }""", "keys")]
    [InlineData("""{ "format": "mlaflow-public-keys/2", "authority": "CN-MOJ", "keys": [] }""", "format: 'mlaflow-public-keys/2' is not mlaflow-public-keys/1")]
    [InlineData("""{ "format": "mlaflow-public-keys/1", "authority": "china", "keys": [] }""", "authority: 'china' is not an authority id")]
    [InlineData("""[[]]""", "could not be converted")]
    [InlineData("not json", "invalid")]
    public void a_document_that_is_not_a_bundle_is_refused_with_what_is_wrong(string json, string message)
    {
        Should.Throw<FormatException>(() => PublicKeyBundle.Parse(Encoding.UTF8.GetBytes(json))).Message.ShouldContain(message);
    }

    [Fact]
    public void a_p256_point_off_the_curve_is_refused()
    {
        using var store = _thailand.Open();
        store.Generate(Thailand, KeySuite.P256);
        var json = JsonNode.Parse(store.ExportPublic(Thailand).ToJson())!;
        var point = Convert.FromBase64String(json["keys"]![0]!["publicKey"]!.GetValue<string>());
        point[64] ^= 1;
        json["keys"]![0]!["publicKey"] = Convert.ToBase64String(point);

        Should.Throw<FormatException>(() => PublicKeyBundle.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()))).Message.ShouldContain("not a point on the curve");
    }

    [Fact]
    public void a_bundle_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_thailand.DataPath, "huge.json");
        File.WriteAllBytes(path, new byte[KeyLimits.MaxBundleBytes + 1]);

        Should.Throw<KeyStoreException>(() => PublicKeyBundle.Read(path)).Message.ShouldContain($"a public key bundle is at most {KeyLimits.MaxBundleBytes} bytes");
    }

    [Fact]
    public void a_bundle_with_more_keys_than_an_authority_may_have_is_refused()
    {
        var json = JsonNode.Parse(_chinaKeys.ExportPublic(China).ToJson())!;
        var keys = json["keys"]!.AsArray();
        while (keys.Count <= KeyLimits.MaxKeysPerAuthority)
        {
            keys.Add(keys[0]!.DeepClone());
        }

        Should.Throw<FormatException>(() => PublicKeyBundle.Parse(Encoding.UTF8.GetBytes(json.ToJsonString())))
            .Message.ShouldContain($"{KeyLimits.MaxKeysPerAuthority + 1} keys; at most {KeyLimits.MaxKeysPerAuthority}");
    }

    [Fact]
    public void a_bundle_with_two_active_keys_of_one_use_is_refused()
    {
        _chinaKeys.Rotate(China);
        var json = JsonNode.Parse(_chinaKeys.ExportPublic(China).ToJson())!;
        foreach (var key in json["keys"]!.AsArray())
        {
            key!["status"] = "active";
            key["retired"] = null;
        }

        Should.Throw<FormatException>(() => PublicKeyBundle.Parse(Encoding.UTF8.GetBytes(json.ToJsonString())))
            .Message.ShouldContain("2 active encryption keys; an authority has one at a time");
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void peer_files_are_readable_by_their_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");
        var bundle = _chinaKeys.ExportPublic(China);
        var peers = _thailand.OpenPeers();
        peers.Import(bundle, bundle.Fingerprint);

        File.GetUnixFileMode(Path.Combine(peers.Folder, "CN-MOJ.json")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(peers.Folder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
