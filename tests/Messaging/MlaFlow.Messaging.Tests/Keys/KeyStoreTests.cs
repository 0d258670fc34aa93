using System.Runtime.Versioning;
using System.Text;
using System.Text.Json.Nodes;
using MlaFlow.Messaging.Keys;
using static MlaFlow.Messaging.Tests.Keys.KeyFolder;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>An authority's own key pairs on disk: what is written, what is read back, and what the files never reveal (docs/messaging.md, "Keys").</summary>
public sealed class KeyStoreTests : IDisposable
{
    private readonly KeyFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void generated_keys_are_read_back_with_their_ids_suites_statuses_and_dates()
    {
        IReadOnlyList<AuthorityKey> china, thailand;
        using (var store = _folder.Open())
        {
            china = store.Generate(China, KeySuite.X25519Ed25519);
            thailand = store.Generate(Thailand, KeySuite.P256);
        }

        using var reopened = _folder.Open();

        reopened.Authorities.ShouldBe([China, Thailand]);
        reopened.Keys(China).ShouldBe(china);
        reopened.Keys(Thailand).ShouldBe(thailand);
        china.Select(k => (k.Use, k.PublicKey.Algorithm.Name, k.Status)).ShouldBe([(KeyUse.Encryption, "X25519", KeyStatus.Active), (KeyUse.Signing, "Ed25519", KeyStatus.Active)]);
        thailand.Select(k => (k.Use, k.PublicKey.Algorithm.Name, k.PublicKey.Bytes.Length)).ShouldBe([(KeyUse.Encryption, "ECDH-P256", 65), (KeyUse.Signing, "ECDSA-P256-SHA256", 65)]);
        china.ShouldAllBe(k => k.Created == _folder.Clock.GetCurrentInstant() && k.Retired == null && k.Revoked == null);
    }

    [Fact]
    public void a_store_opened_again_signs_and_decrypts_with_the_keys_it_generated()
    {
        byte[] encryptionPrivateKey;
        using (var store = _folder.Open())
        {
            var encryption = store.Generate(China, KeySuite.X25519Ed25519)[0];
            encryptionPrivateKey = store.UseHpkeKeyPair(China, encryption.Id, (pair, _) => pair.SerializePrivateKey());
        }

        using var reopened = _folder.Open();
        var message = Encoding.UTF8.GetBytes("request CN-2026-000001");
        var signature = reopened.CurrentSigningKey(China).Sign(message);

        reopened.CurrentKey(China, KeyUse.Signing).Verify(message, signature).ShouldBeTrue();
        reopened.UseHpkeKeyPair(China, reopened.CurrentKey(China, KeyUse.Encryption).Id, (pair, _) => pair.SerializePrivateKey()).ShouldBe(encryptionPrivateKey);
    }

    [Theory]
    [InlineData("x25519-ed25519")]
    [InlineData("p256")]
    public void an_encryption_keys_hpke_key_pair_is_made_once_and_released_with_the_store(string suite)
    {
        var store = _folder.Open();
        KeySuite.TryParse(suite, out var keySuite).ShouldBeTrue();
        var encryption = store.Generate(China, keySuite)[0];
        var lent = store.UseHpkeKeyPair(China, encryption.Id, (pair, _) => pair);

        store.UseHpkeKeyPair(China, encryption.Id, (pair, _) => pair).ShouldBeSameAs(lent);
        store.Revoke(China, encryption.Id);
        Should.Throw<KeyRefusedException>(() => store.UseHpkeKeyPair(China, encryption.Id, (_, _) => 0)).Reason.ShouldBe(KeyRefusal.Revoked);
        store.Dispose();

        Should.Throw<ObjectDisposedException>(() => lent.SerializePrivateKey());
    }

    [Theory]
    [InlineData("x25519-ed25519")]
    [InlineData("p256")]
    public void the_key_files_never_hold_a_private_key_in_the_clear(string suite)
    {
        using var store = _folder.Open();
        KeySuite.TryParse(suite, out var keySuite).ShouldBeTrue();
        var encryption = store.Generate(China, keySuite)[0];
        var privateKey = store.UseHpkeKeyPair(China, encryption.Id, (pair, _) => pair.SerializePrivateKey());

        foreach (var (path, bytes) in _folder.Files())
        {
            var text = Encoding.UTF8.GetString(bytes);
            bytes.AsSpan().IndexOf(privateKey).ShouldBe(-1, path);
            text.ShouldNotContain(Convert.ToBase64String(privateKey), Case.Sensitive, path);
            text.ShouldNotContain(Convert.ToHexString(privateKey), Case.Insensitive, path);
        }
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void key_files_are_readable_by_their_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");
        using var store = _folder.Open();
        store.Generate(China, KeySuite.Default);

        foreach (var (path, _) in _folder.Files())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, path);
        }

        foreach (var folder in (string[])[_folder.KeysFolder, Path.GetDirectoryName(_folder.OwnFile(China))!])
        {
            File.GetUnixFileMode(folder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, folder);
        }
    }

    [Fact]
    public void a_wrong_key_encryption_key_is_refused_when_the_store_opens()
    {
        using (var store = _folder.Open())
        {
            store.Generate(China, KeySuite.Default);
        }

        var wrong = new byte[32];
        var refused = Should.Throw<KeyStoreException>(() => _folder.Open(KeyProtection.KeyEncryptionKey(wrong)));

        refused.Message.ShouldContain("key-encryption key given does not open the key store");
    }

    [Fact]
    public void a_wrong_passphrase_is_refused_when_the_store_opens_even_before_any_key_is_read()
    {
        using (var store = _folder.Open(KeyProtection.Passphrase("correct horse battery staple", TestIterations)))
        {
            store.Generate(China, KeySuite.Default);
        }

        File.Delete(_folder.OwnFile(China));
        var refused = Should.Throw<KeyStoreException>(() => _folder.Open(KeyProtection.Passphrase("correct horse battery stapler", TestIterations)));

        refused.Message.ShouldContain("passphrase given does not open the key store");
    }

    [Fact]
    public void a_store_sealed_under_a_passphrase_opens_with_it_and_not_with_a_key_encryption_key()
    {
        using (var store = _folder.Open(KeyProtection.Passphrase("correct horse battery staple", TestIterations)))
        {
            store.Generate(China, KeySuite.Default);
        }

        using (var reopened = _folder.Open(KeyProtection.Passphrase("correct horse battery staple", TestIterations)))
        {
            reopened.CurrentSigningKey(China).Sign([1, 2, 3]).Length.ShouldBe(64);
        }

        Should.Throw<KeyStoreException>(() => _folder.Open()).Message.ShouldContain("sealed under a passphrase, but a key-encryption key was given");
    }

    [Fact]
    public void the_passphrase_is_stretched_with_the_iteration_count_and_salt_recorded_in_the_store()
    {
        using (var store = _folder.Open(KeyProtection.Passphrase("correct horse battery staple", TestIterations)))
        {
            store.Generate(China, KeySuite.Default);
        }

        var header = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder.KeysFolder, KeyStoreFolder.StoreFileName)))!;
        header["protection"]!.GetValue<string>().ShouldBe("pbkdf2-sha256");
        header["iterations"]!.GetValue<int>().ShouldBe(TestIterations);
        Convert.FromBase64String(header["salt"]!.GetValue<string>()).Length.ShouldBe(16);
    }

    [Fact]
    public void a_store_file_lowered_to_a_trivial_iteration_count_is_refused()
    {
        using (var store = _folder.Open(KeyProtection.Passphrase("correct horse battery staple", TestIterations)))
        {
            store.Generate(China, KeySuite.Default);
        }

        var path = Path.Combine(_folder.KeysFolder, KeyStoreFolder.StoreFileName);
        var header = JsonNode.Parse(File.ReadAllText(path))!;
        header["iterations"] = 1;
        File.WriteAllText(path, header.ToJsonString());

        Should.Throw<KeyStoreException>(() => _folder.OpenLocked()).Message.ShouldContain("iterations: 1 is not from 1000");
    }

    [Fact]
    public void a_passphrase_shorter_than_twelve_characters_is_refused()
    {
        Should.Throw<ArgumentException>(() => KeyProtection.Passphrase("short")).Message.ShouldContain("at least 12 characters");
        Should.Throw<ArgumentException>(() => KeyProtection.KeyEncryptionKey(new byte[16])).Message.ShouldContain("32 bytes, not 16");
    }

    [Fact]
    public void a_store_opened_without_its_secret_lists_and_exports_keys_but_neither_signs_decrypts_nor_changes_them()
    {
        using (var store = _folder.Open())
        {
            store.Generate(China, KeySuite.Default);
        }

        using var locked = _folder.OpenLocked();

        locked.IsUnlocked.ShouldBeFalse();
        locked.Keys(China).Count.ShouldBe(2);
        locked.ExportPublic(China).Keys.Count.ShouldBe(2);
        Should.Throw<KeyStoreException>(() => locked.CurrentSigningKey(China).Sign([1])).Message.ShouldContain("without its passphrase or key-encryption key");
        Should.Throw<KeyStoreException>(() => locked.UseHpkeKeyPair(China, locked.CurrentKey(China, KeyUse.Encryption).Id, (_, _) => 0));
        Should.Throw<KeyStoreException>(() => locked.Rotate(China));
        Should.Throw<KeyStoreException>(() => locked.Generate(Thailand, KeySuite.Default));
    }

    [Fact]
    public void nothing_is_written_until_the_first_keys_are_generated()
    {
        using var store = _folder.Open();

        Directory.Exists(_folder.KeysFolder).ShouldBeFalse();
        Should.Throw<KeyStoreException>(() => store.Rotate(China));
        Directory.Exists(_folder.KeysFolder).ShouldBeFalse();
    }

    [Fact]
    public void generating_again_for_an_authority_with_keys_is_refused_and_changes_nothing()
    {
        using var store = _folder.Open();
        store.Generate(China, KeySuite.Default);
        var before = File.ReadAllBytes(_folder.OwnFile(China));

        Should.Throw<KeyStoreException>(() => store.Generate(China, KeySuite.P256)).Message.ShouldContain("CN-MOJ already has 2 key(s) here; issue new ones with keys rotate");
        File.ReadAllBytes(_folder.OwnFile(China)).ShouldBe(before);
    }

    [Fact]
    public void a_key_file_whose_sealed_private_key_was_altered_stops_the_store_from_opening()
    {
        using (var store = _folder.Open())
        {
            store.Generate(China, KeySuite.Default);
        }

        var file = JsonNode.Parse(File.ReadAllText(_folder.OwnFile(China)))!;
        var sealedKey = Convert.FromBase64String(file["keys"]![1]!["sealedPrivateKey"]!.GetValue<string>());
        sealedKey[20] ^= 1;
        file["keys"]![1]!["sealedPrivateKey"] = Convert.ToBase64String(sealedKey);
        File.WriteAllText(_folder.OwnFile(China), file.ToJsonString());

        Should.Throw<KeyStoreException>(() => _folder.Open()).Message.ShouldContain("does not open under this store's key");
    }

    [Fact]
    public void a_sealed_private_key_moved_to_another_entry_does_not_open()
    {
        using (var store = _folder.Open())
        {
            store.Generate(China, KeySuite.Default);
            store.Rotate(China);
        }

        // Both signing keys are Ed25519: same length, so only the binding to the key id tells them apart.
        var file = JsonNode.Parse(File.ReadAllText(_folder.OwnFile(China)))!;
        var keys = file["keys"]!.AsArray();
        var signing = keys.Where(k => k!["use"]!.GetValue<string>() == "signing").ToList();
        signing[0]!["sealedPrivateKey"] = signing[1]!["sealedPrivateKey"]!.GetValue<string>();
        File.WriteAllText(_folder.OwnFile(China), file.ToJsonString());

        Should.Throw<KeyStoreException>(() => _folder.Open()).Message.ShouldContain("does not open under this store's key");
    }

    [Fact]
    public void a_key_file_whose_id_does_not_match_its_public_key_is_refused()
    {
        using (var store = _folder.Open())
        {
            store.Generate(China, KeySuite.Default);
        }

        var file = JsonNode.Parse(File.ReadAllText(_folder.OwnFile(China)))!;
        file["keys"]![0]!["id"] = new string('0', KeyId.Length);
        File.WriteAllText(_folder.OwnFile(China), file.ToJsonString());

        Should.Throw<KeyStoreException>(() => _folder.OpenLocked()).Message.ShouldContain("is not the id of its public key");
    }

    [Fact]
    public void an_id_is_32_hex_digits_derived_from_the_public_key_and_begins_its_fingerprint()
    {
        using var store = _folder.Open();
        var key = store.Generate(China, KeySuite.Default)[1];

        key.Id.Value.Length.ShouldBe(32);
        key.Fingerprint.Hex.ToLowerInvariant().ShouldStartWith(key.Id.Value);
        PublicKey.Create(KeyAlgorithm.Ed25519, key.PublicKey.Bytes).Id.ShouldBe(key.Id);
        key.Fingerprint.ToString().Split(' ').ShouldAllBe(group => group.Length == 4);
        Fingerprint.Parse(key.Fingerprint.Hex.ToLowerInvariant()).ShouldBe(key.Fingerprint);
    }

    [Fact]
    public async Task many_requests_sign_and_look_up_keys_while_the_authority_rotates()
    {
        using var store = _folder.Open();
        store.Generate(China, KeySuite.Default);
        var message = Encoding.UTF8.GetBytes("concurrent");

        var signers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            var verified = 0;
            for (var i = 0; i < 200; i++)
            {
                var key = store.CurrentSigningKey(China);
                try
                {
                    var signature = key.Sign(message);
                    store.Find(China, key.Id, KeyOperation.Verify).Verify(message, signature).ShouldBeTrue();
                    verified++;
                }
                catch (KeyRefusedException e) when (e.Reason == KeyRefusal.Retired)
                {
                    // Rotated between the lookup and the signature: refused, as it must be.
                }
            }

            return verified;
        })).ToList();
        for (var rotation = 0; rotation < 20; rotation++)
        {
            store.Rotate(China);
        }

        (await Task.WhenAll(signers)).Sum().ShouldBeGreaterThan(0);
        store.Keys(China).Count(k => k.Status == KeyStatus.Active).ShouldBe(2);
        using var reopened = _folder.Open();
        reopened.Keys(China).Count.ShouldBe(42);
    }
}
