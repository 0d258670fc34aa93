namespace MlaFlow.Bench;

/// <summary>What a rate counts per second of wall-clock time.</summary>
internal enum RateUnit
{
    /// <summary>Whole operations (a seal+open, a signature, a 1 KiB record…), reported as op/s.</summary>
    OperationsPerSecond,

    /// <summary>Bytes of plaintext, reported as MB/s (10^6 bytes, as openssl counts).</summary>
    BytesPerSecond,
}
