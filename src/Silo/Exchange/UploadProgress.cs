using MlaFlow.Grains.Requests;

namespace MlaFlow.Silo.Exchange;

/// <summary>
/// Logs how far a large file's upload has gone, every tenth of its segments, so an administrator watching a node send
/// gigabytes of evidence sees it move; small files log only their end.
/// </summary>
internal sealed class UploadProgress(EvidenceFile file, long segmentCount, ILogger logger)
{
    /// <summary>Below this many bytes an upload is quick enough to need no progress.</summary>
    private const long LargeFile = 16L * 1024 * 1024;

    private long _tenthsLogged;

    public void Reached(long nextSegment)
    {
        var tenths = nextSegment * 10 / segmentCount;
        if (file.Size >= LargeFile && tenths > _tenthsLogged && tenths < 10)
        {
            _tenthsLogged = tenths;
            logger.LogInformation("File {FileId} ({Size} bytes): {Percent}% sent ({Next} of {Count} segments)", file.Id, file.Size, tenths * 10, nextSegment, segmentCount);
        }
    }

    public void Ended(bool complete)
    {
        if (complete)
        {
            logger.LogInformation("File {FileId} ({Size} bytes) is whole at the recipient's node", file.Id, file.Size);
        }
        else
        {
            logger.LogWarning("File {FileId} ({Size} bytes) was given up by the recipient's node; its message will be refused", file.Id, file.Size);
        }
    }
}
