using MlaFlow.Messaging.Keys;
using static MlaFlow.Messaging.Tests.Keys.KeyFolder;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>
/// A running node reloads its keys when the <c>keys</c> commands change them: what another process wrote is served
/// after <c>Reload</c>, and a folder that no longer loads leaves the keys in use as they were.
/// </summary>
public sealed class ReloadingKeysTests : IDisposable
{
    private readonly KeyFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void a_rotation_made_by_another_process_is_served_after_a_reload()
    {
        using var node = _folder.Open();
        node.Generate(China, KeySuite.Default);
        var before = node.CurrentKey(China, KeyUse.Signing);
        using (var command = _folder.Open())
        {
            command.Rotate(China);
        }

        node.CurrentKey(China, KeyUse.Signing).ShouldBe(before, "nothing changes before the reload");
        node.Reload();

        node.CurrentKey(China, KeyUse.Signing).Id.ShouldNotBe(before.Id);
        node.Keys(China).Single(k => k.Id == before.Id).Status.ShouldBe(KeyStatus.Retired);
    }

    [Fact]
    public void a_key_file_altered_on_disk_does_not_reload_and_the_keys_in_use_stay()
    {
        using var node = _folder.Open();
        node.Generate(China, KeySuite.Default);
        var before = node.Keys(China);
        File.WriteAllText(_folder.OwnFile(China), "{ \"not\": \"a key file\" }");

        Should.Throw<KeyStoreException>(node.Reload);

        node.Keys(China).ShouldBe(before);
    }

    [Fact]
    public void a_peer_imported_by_another_process_is_known_after_a_reload()
    {
        var peers = _folder.OpenPeers();
        using var other = new KeyFolder();
        using var thai = other.Open();
        thai.Generate(Thailand, KeySuite.Default);
        var bundle = thai.ExportPublic(Thailand);
        _folder.OpenPeers().Import(bundle, bundle.Fingerprint);

        peers.Keys(Thailand).ShouldBeEmpty("nothing changes before the reload");
        peers.Reload();

        peers.Keys(Thailand).Count.ShouldBe(2);
    }
}
