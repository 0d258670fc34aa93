using System.Security.Cryptography;
using MlaFlow.Messaging.Keys;
using MlaFlow.Plugins.Sdk;
using MlaFlow.Testing;
using NodaTime;
using NodaTime.Testing;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>
/// A data folder of one test's own, with a fake clock and a key-encryption key, removed afterwards. Stores are
/// opened from it as a node opens them, so every test goes through the files.
/// </summary>
internal sealed class KeyFolder : IDisposable
{
    public static readonly AuthorityId China = AuthorityId.Parse("CN-MOJ");
    public static readonly AuthorityId Thailand = AuthorityId.Parse("TH-OAG");

    // PBKDF2 at its production count would cost every test a second; the count is a parameter, not the behaviour under test.
    public const int TestIterations = 1_000;

    public KeyFolder() => DataPath = Directory.CreateTempSubdirectory("mlaflow-keys-test-").FullName;

    public string DataPath { get; }

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 3, 2, 9, 0));

    public byte[] Kek { get; } = RandomNumberGenerator.GetBytes(32);

    public string KeysFolder => Path.Combine(DataPath, KeyStore.FolderName);

    public string OwnFile(AuthorityId authority) => Path.Combine(KeysFolder, KeyStoreFolder.OwnFolderName, $"{authority}.json");

    public KeyStore Open() => Open(KeyProtection.KeyEncryptionKey(Kek));

    public KeyStore Open(KeyProtection? protection) => KeyStore.Open(DataPath, protection, Clock);

    public KeyStore OpenLocked() => KeyStore.Open(DataPath, null, Clock);

    public PeerDirectory OpenPeers() => PeerDirectory.Open(DataPath, Clock);

    public void Advance(int days) => Clock.Advance(Duration.FromDays(days));

    /// <summary>Every byte of every file under the key folder, as one array per file.</summary>
    public IEnumerable<(string Path, byte[] Bytes)> Files() =>
        Directory.GetFiles(KeysFolder, "*", SearchOption.AllDirectories).Select(f => (f, File.ReadAllBytes(f)));

    public void Dispose() => Directory.Delete(DataPath, recursive: true);
}
