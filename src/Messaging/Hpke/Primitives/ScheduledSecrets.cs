namespace MlaFlow.Messaging.Hpke.Primitives;

/// <summary>
/// The secrets a context runs on, derived from the KEM shared secret (RFC 9180 §5.1): the AEAD key, the base
/// nonce, and the exporter secret. Empty key and nonce for the export-only AEAD.
/// </summary>
internal sealed record ScheduledSecrets(byte[] Key, byte[] BaseNonce, byte[] ExporterSecret);
