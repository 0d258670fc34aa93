using System.Text;
using MlaFlow.Messaging.Keys;
using static MlaFlow.Messaging.Tests.Keys.KeyFolder;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>
/// Rotation replaces an authority's keys without losing what was sent under the old ones; revocation withdraws
/// a key for everything (docs/messaging.md, "Keys").
/// </summary>
public sealed class RotationAndRevocationTests : IDisposable
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("letter of request, 2 March 2026");

    private readonly KeyFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void after_rotation_the_old_keys_open_and_verify_earlier_messages_but_make_no_new_ones()
    {
        using var store = _folder.Open();
        var oldEncryption = store.Generate(China, KeySuite.Default)[0];
        var oldSigning = store.CurrentSigningKey(China);
        var earlierSignature = oldSigning.Sign(Message);
        _folder.Advance(days: 365);

        var rotation = store.Rotate(China);

        rotation.Retired.Select(k => k.Id).ShouldBe([oldEncryption.Id, oldSigning.Id]);
        rotation.Retired.ShouldAllBe(k => k.Status == KeyStatus.Retired && k.Retired == _folder.Clock.GetCurrentInstant());
        rotation.Added.ShouldAllBe(k => k.Status == KeyStatus.Active && k.Suite == KeySuite.Default);
        store.CurrentSigningKey(China).Id.ShouldBe(rotation.Added[1].Id);
        store.CurrentKey(China, KeyUse.Encryption).Id.ShouldBe(rotation.Added[0].Id);

        store.Find(China, oldSigning.Id, KeyOperation.Verify).Verify(Message, earlierSignature).ShouldBeTrue();
        store.UseHpkeKeyPair(China, oldEncryption.Id, (pair, key) => (pair.SerializePrivateKey().Length, key.Status)).ShouldBe((32, KeyStatus.Retired));
        Should.Throw<KeyRefusedException>(() => oldSigning.Sign(Message)).Reason.ShouldBe(KeyRefusal.Retired);
        Should.Throw<KeyRefusedException>(() => store.Find(China, oldSigning.Id, KeyOperation.Sign)).Message.ShouldContain("retired at 2027-03-02T09:00:00Z by a key rotation");
        Should.Throw<KeyRefusedException>(() => store.Find(China, oldEncryption.Id, KeyOperation.Encrypt)).Reason.ShouldBe(KeyRefusal.Retired);
    }

    [Fact]
    public void a_rotation_is_on_disk_before_it_is_seen()
    {
        using (var store = _folder.Open())
        {
            store.Generate(China, KeySuite.Default);
            store.Rotate(China);
        }

        using var reopened = _folder.Open();

        reopened.Keys(China).Select(k => k.Status).ShouldBe([KeyStatus.Retired, KeyStatus.Retired, KeyStatus.Active, KeyStatus.Active], ignoreOrder: true);
    }

    [Fact]
    public void a_rotation_may_move_an_authority_to_the_nist_suite_and_later_rotations_keep_it_there()
    {
        using var store = _folder.Open();
        store.Generate(China, KeySuite.X25519Ed25519);

        store.Rotate(China, KeySuite.P256).Added.ShouldAllBe(k => k.Suite == KeySuite.P256);
        store.Rotate(China).Added.ShouldAllBe(k => k.Suite == KeySuite.P256);
        store.CurrentSigningKey(China).Algorithm.ShouldBe(KeyAlgorithm.EcdsaP256Sha256);
    }

    [Fact]
    public void a_revoked_key_is_refused_for_everything_with_the_time_it_was_revoked()
    {
        using var store = _folder.Open();
        var encryption = store.Generate(China, KeySuite.Default)[0];
        var signing = store.CurrentSigningKey(China);
        var signature = signing.Sign(Message);
        store.Rotate(China);
        _folder.Advance(days: 1);

        store.Revoke(China, signing.Id).Revoked.ShouldBe(_folder.Clock.GetCurrentInstant());
        store.Revoke(China, encryption.Id);

        var verify = Should.Throw<KeyRefusedException>(() => store.Keys(China).Single(k => k.Id == signing.Id).Verify(Message, signature));
        verify.Reason.ShouldBe(KeyRefusal.Revoked);
        verify.Message.ShouldBe($"Key {signing.Id} of CN-MOJ was revoked at 2026-03-03T09:00:00Z; it is refused for everything.");
        Should.Throw<KeyRefusedException>(() => store.UseHpkeKeyPair(China, encryption.Id, (_, _) => 0)).Reason.ShouldBe(KeyRefusal.Revoked);
        foreach (var operation in Enum.GetValues<KeyOperation>())
        {
            var id = operation is KeyOperation.Encrypt or KeyOperation.Decrypt ? encryption.Id : signing.Id;
            Should.Throw<KeyRefusedException>(() => store.Find(China, id, operation)).Reason.ShouldBe(KeyRefusal.Revoked);
        }
    }

    [Fact]
    public void revoking_the_active_signing_key_leaves_nothing_to_sign_with_until_the_next_rotation()
    {
        using var store = _folder.Open();
        store.Generate(China, KeySuite.Default);
        var signing = store.CurrentSigningKey(China);

        store.Revoke(China, signing.Id);

        Should.Throw<KeyRefusedException>(() => signing.Sign(Message)).Reason.ShouldBe(KeyRefusal.Revoked);
        var none = Should.Throw<KeyRefusedException>(() => store.CurrentSigningKey(China));
        none.Reason.ShouldBe(KeyRefusal.NoActiveKey);
        none.Message.ShouldBe("CN-MOJ has no active signing key; issue new keys with keys rotate.");

        var rotation = store.Rotate(China);

        rotation.Retired.Select(k => k.Use).ShouldBe([KeyUse.Encryption]);
        store.Keys(China).Single(k => k.Id == signing.Id).Status.ShouldBe(KeyStatus.Revoked);
        store.CurrentSigningKey(China).Sign(Message).Length.ShouldBe(64);
    }

    [Fact]
    public void revoking_an_unknown_key_or_a_revoked_one_is_refused_and_changes_nothing()
    {
        using var store = _folder.Open();
        var encryption = store.Generate(China, KeySuite.Default)[0];
        store.Revoke(China, encryption.Id);
        var before = File.ReadAllBytes(_folder.OwnFile(China));

        Should.Throw<KeyRefusedException>(() => store.Revoke(China, KeyId.Parse(new string('a', 32)))).Reason.ShouldBe(KeyRefusal.UnknownKey);
        Should.Throw<KeyRefusedException>(() => store.Revoke(Thailand, encryption.Id)).Reason.ShouldBe(KeyRefusal.UnknownAuthority);
        Should.Throw<KeyStoreException>(() => store.Revoke(China, encryption.Id)).Message.ShouldContain("is already revoked (at 2026-03-02T09:00:00Z)");
        File.ReadAllBytes(_folder.OwnFile(China)).ShouldBe(before);
    }

    [Fact]
    public void a_key_asked_for_the_other_use_is_refused_as_such()
    {
        using var store = _folder.Open();
        var encryption = store.Generate(China, KeySuite.Default)[0];

        var refused = Should.Throw<KeyRefusedException>(() => store.Find(China, encryption.Id, KeyOperation.Verify));

        refused.Reason.ShouldBe(KeyRefusal.WrongUse);
        refused.Message.ShouldBe($"Key {encryption.Id} of CN-MOJ is an encryption key (X25519); it cannot verify.");
    }

    [Fact]
    public void an_authority_rotates_at_most_until_its_key_limit()
    {
        using var store = _folder.Open();
        store.Generate(China, KeySuite.Default);
        for (var i = 1; i < KeyLimits.MaxKeysPerAuthority / 2; i++)
        {
            store.Rotate(China);
        }

        Should.Throw<KeyStoreException>(() => store.Rotate(China)).Message.ShouldContain($"at most {KeyLimits.MaxKeysPerAuthority} are kept per authority");
        store.Keys(China).Count.ShouldBe(KeyLimits.MaxKeysPerAuthority);
    }
}
