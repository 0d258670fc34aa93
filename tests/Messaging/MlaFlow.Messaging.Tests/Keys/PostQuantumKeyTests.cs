using MlaFlow.Messaging.Keys;
using static MlaFlow.Messaging.Tests.Keys.KeyFolder;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>
/// An authority's post-quantum pair (MLKEM768-X25519 encryption, ML-DSA-65 signing) lives beside its classical one, with
/// ids, rotation, revocation, bundles and fingerprints as for any key; a folder made before post-quantum keys loads unchanged.
/// </summary>
public sealed class PostQuantumKeyTests : IDisposable
{
    private readonly KeyFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void post_quantum_keys_are_made_beside_the_classical_ones_and_survive_a_reopening()
    {
        IReadOnlyList<AuthorityKey> keys;
        using (var store = _folder.Open())
        {
            keys = store.Generate(China, KeySuite.Default, postQuantum: true);
        }

        keys.Select(k => (k.Use, k.Suite)).ShouldBe([
            (KeyUse.Encryption, KeySuite.X25519Ed25519), (KeyUse.Signing, KeySuite.X25519Ed25519),
            (KeyUse.Encryption, KeySuite.XWingMLDsa65), (KeyUse.Signing, KeySuite.XWingMLDsa65)]);
        keys.ShouldAllBe(k => k.Status == KeyStatus.Active);
        using var reopened = _folder.Open();
        reopened.Keys(China).ShouldBe(keys, ignoreOrder: true);
        reopened.CurrentKey(China, KeyUse.Encryption).PublicKey.Algorithm.ShouldBe(KeyAlgorithm.X25519);
        reopened.CurrentKey(China, KeyUse.Encryption, postQuantum: true).PublicKey.Algorithm.ShouldBe(KeyAlgorithm.XWing);
        reopened.CurrentSigningKey(China, postQuantum: true).Algorithm.ShouldBe(KeyAlgorithm.MLDsa65);
    }

    [Fact]
    public void a_rotation_renews_the_post_quantum_pair_too_and_can_add_one()
    {
        using var store = _folder.Open();
        store.Generate(China, KeySuite.Default);
        store.ActiveKey(China, KeyUse.Signing, postQuantum: true).ShouldBeNull();

        var added = store.Rotate(China, postQuantum: true);
        added.Added.Count.ShouldBe(4);
        var renewed = store.Rotate(China);
        renewed.Added.Count(k => k.Suite.IsPostQuantum).ShouldBe(2, "a post-quantum authority stays one");
        renewed.Retired.Count.ShouldBe(4);
        store.CurrentKey(China, KeyUse.Signing, postQuantum: true).Id.ShouldBe(renewed.Added[3].Id);
    }

    [Fact]
    public void the_post_quantum_suite_alone_is_refused()
    {
        using var store = _folder.Open();
        Should.Throw<ArgumentException>(() => store.Generate(China, KeySuite.XWingMLDsa65)).Message.ShouldContain("come beside classical ones");
    }

    [Fact]
    public void post_quantum_keys_are_refused_beside_p256_keys_whose_envelopes_could_not_use_them()
    {
        using var store = _folder.Open();
        Should.Throw<KeyStoreException>(() => store.Generate(China, KeySuite.P256, postQuantum: true)).Message
            .ShouldStartWith("Post-quantum keys come beside x25519-ed25519 keys only, not p256");
        store.Keys(China).ShouldBeEmpty();

        store.Generate(China, KeySuite.P256);
        Should.Throw<KeyStoreException>(() => store.Rotate(China, postQuantum: true)).Message.ShouldContain("refuse as downgrades");
        store.Keys(China).Count.ShouldBe(2);
    }

    [Fact]
    public void a_rotation_to_p256_retires_the_post_quantum_pair_without_renewing_it()
    {
        using var store = _folder.Open();
        store.Generate(China, KeySuite.Default, postQuantum: true);

        var rotation = store.Rotate(China, KeySuite.P256);

        rotation.Added.Select(k => k.Suite).ShouldBe([KeySuite.P256, KeySuite.P256]);
        rotation.Retired.Count(k => k.Suite.IsPostQuantum).ShouldBe(2);
        store.ActiveKey(China, KeyUse.Encryption, postQuantum: true).ShouldBeNull();
        store.ActiveKey(China, KeyUse.Signing, postQuantum: true).ShouldBeNull();
    }

    [Fact]
    public void a_peers_bundle_offers_the_post_quantum_suite_and_a_new_one_replaces_only_keys_of_its_kind()
    {
        using var thai = new KeyFolder();
        using var theirs = thai.Open();
        theirs.Generate(Thailand, KeySuite.Default);
        var peers = _folder.OpenPeers();
        var classical = theirs.ExportPublic(Thailand);
        peers.Import(classical, classical.Fingerprint);
        peers.OfferedSuites(Thailand).ShouldBe([KeySuite.X25519Ed25519]);

        theirs.Rotate(Thailand, postQuantum: true);
        var both = theirs.ExportPublic(Thailand);
        var result = peers.Import(both, both.Fingerprint);

        result.Added.Count.ShouldBe(4);
        result.Retired.Count.ShouldBe(2);
        peers.OfferedSuites(Thailand).ShouldBe([KeySuite.X25519Ed25519, KeySuite.XWingMLDsa65]);
        peers.CurrentEncryptionKey(Thailand, postQuantum: true).Id.ShouldBe(theirs.CurrentKey(Thailand, KeyUse.Encryption, postQuantum: true).Id);
        _folder.OpenPeers().OfferedSuites(Thailand).ShouldBe([KeySuite.X25519Ed25519, KeySuite.XWingMLDsa65], "as the file records it");

        theirs.Revoke(Thailand, theirs.CurrentKey(Thailand, KeyUse.Signing, postQuantum: true).Id);
        var revoked = theirs.ExportPublic(Thailand);
        peers.Import(revoked, revoked.Fingerprint);
        peers.OfferedSuites(Thailand).ShouldBe([KeySuite.X25519Ed25519]);
    }
}
