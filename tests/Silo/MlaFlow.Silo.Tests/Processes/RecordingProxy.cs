using System.Net;
using System.Net.Sockets;

namespace MlaFlow.Silo.Tests.Processes;

/// <summary>
/// A TCP relay on a loopback port of its own, standing where another node's peer address points: it forwards each
/// connection to the node put behind it (<see cref="ForwardTo"/>) and keeps every byte both ways
/// (<see cref="Connections"/>), so a test reads what crossed the wire. Its address stays while the node behind it is
/// killed and started again on another port; in between it refuses connections (<see cref="Refuse"/>), as the host of
/// a node that is down does. It can also cut every connection once so many bytes went through (<see cref="CutAfter"/>),
/// as a network that fails in the middle of a transfer.
/// </summary>
public sealed class RecordingProxy : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<RecordedConnection> _recorded = [];
    private readonly HashSet<Socket> _open = [];
    private readonly List<Task> _relays = [];
    private TcpListener _listener;
    private Task _accepting;
    private int? _targetPort;
    private long _forwarded;
    private long _cutAt = long.MaxValue;

    /// <summary>A proxy that refuses connections until a node is put behind it.</summary>
    public RecordingProxy()
    {
        _listener = Listen(0);
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(_listener);
        Refuse();
    }

    /// <summary>What the other node is configured with as this node's address.</summary>
    public Uri Address { get; }

    /// <summary>No node is behind the proxy: connections are refused.</summary>
    public bool IsRefusing
    {
        get
        {
            lock (_gate)
            {
                return _targetPort is null;
            }
        }
    }

    /// <summary>Bytes callers sent through to the node so far.</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <summary>Every connection relayed so far, with its bytes.</summary>
    public IReadOnlyList<RecordedConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _recorded];
            }
        }
    }

    /// <summary>Takes connections again, if it refused them, and forwards them to <paramref name="node"/>.</summary>
    public void ForwardTo(Uri node)
    {
        lock (_gate)
        {
            if (_targetPort is null)
            {
                _listener = Listen(Address.Port);
                _accepting = AcceptAsync(_listener);
            }

            _targetPort = node.Port;
        }
    }

    /// <summary>Resets every open connection and refuses new ones, until a node is put behind the proxy again.</summary>
    public void Refuse()
    {
        lock (_gate)
        {
            _targetPort = null;
            _cutAt = long.MaxValue;
            _listener.Stop();
            foreach (var socket in _open)
            {
                Reset(socket);
            }
        }
    }

    /// <summary>
    /// Once callers have sent <paramref name="bytes"/> more, <see cref="Refuse"/>s: the bytes that crossed the limit
    /// are not forwarded.
    /// </summary>
    public void CutAfter(long bytes)
    {
        lock (_gate)
        {
            _cutAt = Forwarded + bytes;
        }
    }

    /// <summary>Whether <paramref name="pattern"/> crossed this proxy, either way, on any connection.</summary>
    public bool Saw(ReadOnlySpan<byte> pattern)
    {
        foreach (var connection in Connections)
        {
            if (connection.Contains(pattern))
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Refuse();
        Task[] running;
        lock (_gate)
        {
            running = [_accepting, .. _relays];
        }

        await Task.WhenAll(running);
        _stopping.Dispose();
    }

    // The address is reused: connections just closed linger on the port (TIME_WAIT) and would keep it from being taken again.
    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient caller;
            try
            {
                caller = await listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            lock (_gate)
            {
                _relays.RemoveAll(r => r.IsCompleted);
                _relays.Add(RelayAsync(caller));
            }
        }
    }

    private async Task RelayAsync(TcpClient caller)
    {
        using var node = new TcpClient();
        try
        {
            int? port;
            lock (_gate)
            {
                port = _targetPort;
            }

            await node.ConnectAsync(IPAddress.Loopback, port ?? throw new SocketException((int)SocketError.ConnectionRefused), _stopping.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // Taken just as the proxy began to refuse, or the node died unannounced: reset, as close to a refusal as can be.
            Reset(caller.Client);
            caller.Dispose();
            return;
        }

        var recorded = new RecordedConnection();
        Socket[] sockets = [caller.Client, node.Client];
        lock (_gate)
        {
            _recorded.Add(recorded);
            _open.UnionWith(sockets);
        }

        try
        {
            var sent = PumpAsync(caller.GetStream(), node.GetStream(), recorded.RecordSent, counted: true);
            var answered = PumpAsync(node.GetStream(), caller.GetStream(), recorded.RecordAnswered, counted: false);
            await Task.WhenAny(sent, answered);
            // HTTP has no use for a half-closed connection: once one side is done, so is the other.
            caller.Dispose();
            node.Dispose();
            await Task.WhenAll(sent, answered);
        }
        finally
        {
            lock (_gate)
            {
                _open.ExceptWith(sockets);
            }

            caller.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Action<ReadOnlySpan<byte>> record, bool counted)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stopping.Token)) > 0)
            {
                if (counted && Interlocked.Add(ref _forwarded, read) > Interlocked.Read(ref _cutAt))
                {
                    Refuse();
                    return;
                }

                record(buffer.AsSpan(0, read));
                await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The other side closed the connection, or a cut or the proxy's disposal did.
        }
    }

    // A reset, not a graceful close: the peer sees the connection fail, as when a node or the network dies.
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            // Already closed.
        }

        socket.Dispose();
    }
}
