using Microsoft.Extensions.Time.Testing;
using MlaFlow.Messaging.Keys;

namespace MlaFlow.Messaging.Tests.Keys;

/// <summary>Two changes to one data folder's keys take turns: the second waits for the first, or gives up with a message.</summary>
public sealed class KeyFolderLockTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("mlaflow-keylock-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task a_second_holder_gives_up_once_its_wait_has_passed_by_the_time_it_is_given()
    {
        var time = new FakeTimeProvider();
        using var first = KeyFolderLock.Acquire(_data, TimeSpan.Zero, time);
        var second = Task.Run(() => KeyFolderLock.Acquire(_data, TimeSpan.FromMinutes(10), time));
        await Task.Delay(300);
        second.IsCompleted.ShouldBeFalse("ten minutes have not passed by its time");

        time.Advance(TimeSpan.FromMinutes(10));

        var refused = await Should.ThrowAsync<KeyStoreException>(() => second.WaitAsync(TimeSpan.FromSeconds(10)));
        refused.Message.ShouldContain("Another command has been changing the keys");
        refused.Message.ShouldContain("for over 600 s");
    }

    [Fact]
    public async Task a_second_holder_gets_the_lock_once_the_first_lets_it_go()
    {
        var first = KeyFolderLock.Acquire(_data, TimeSpan.Zero, TimeProvider.System);
        var second = Task.Run(() => KeyFolderLock.Acquire(_data, TimeSpan.FromSeconds(10), TimeProvider.System));
        await Task.Delay(300);
        second.IsCompleted.ShouldBeFalse("the first still holds it");

        first.Dispose();

        using var taken = await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void the_lock_file_is_the_owners_alone_and_leaves_the_store_readable()
    {
        using (KeyFolderLock.Acquire(_data, TimeSpan.Zero, TimeProvider.System))
        {
        }

        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(_data, KeyStore.FolderName, KeyFolderLock.FileName)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using var store = KeyStore.Open(_data, null, NodaTime.SystemClock.Instance);
        store.Authorities.ShouldBeEmpty();
        PeerDirectory.Open(_data, NodaTime.SystemClock.Instance).Authorities.ShouldBeEmpty();
    }
}
