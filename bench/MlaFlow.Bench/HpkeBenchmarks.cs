using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Bench;

/// <summary>
/// Single-shot HPKE auth-mode seal, then open, of a 1 KiB message — a fresh ephemeral key and a new context each — in the
/// default suite of messages between central authorities and in the one for authorities whose rules require NIST curves.
/// The sender's and the recipient's key pairs are kept from one message to the next, as the key store keeps them.
/// </summary>
public class HpkeBenchmarks : ICheckedBenchmarks
{
    /// <summary>Bytes of a message body.</summary>
    public const int MessageLength = 1024;

    private static readonly byte[] Info = "MlaFlow bench message"u8.ToArray();
    private static readonly byte[] Aad = "header"u8.ToArray();

    private readonly byte[] _plaintext = RandomNumberGenerator.GetBytes(MessageLength);
    private SuiteKeys? _x25519;
    private SuiteKeys? _p256;

    [GlobalSetup]
    public void Setup()
    {
        _x25519 = new SuiteKeys(new HpkeSuite(HpkeKem.DhkemX25519HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm));
        _p256 = new SuiteKeys(new HpkeSuite(HpkeKem.DhkemP256HkdfSha256, HpkeKdf.HkdfSha256, HpkeAead.Aes256Gcm));
        Checks.That(X25519().AsSpan().SequenceEqual(_plaintext) && P256().AsSpan().SequenceEqual(_plaintext), "HPKE did not give the plaintext back.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _x25519?.Dispose();
        _p256?.Dispose();
    }

    [Benchmark]
    public byte[] X25519() => _x25519!.SealOpen(_plaintext);

    [Benchmark]
    public byte[] P256() => _p256!.SealOpen(_plaintext);

    private sealed class SuiteKeys : IDisposable
    {
        private readonly HpkeCipher _hpke;
        private readonly HpkeKeyPair _recipient;
        private readonly HpkeKeyPair _sender;

        public SuiteKeys(HpkeSuite suite)
        {
            _hpke = new HpkeCipher(suite);
            _recipient = _hpke.GenerateKeyPair();
            _sender = _hpke.GenerateKeyPair();
        }

        public byte[] SealOpen(byte[] plaintext)
        {
            var message = _hpke.Seal(HpkeMode.Auth, _recipient.PublicKey, Info, Aad, plaintext, sender: _sender);
            return _hpke.Open(HpkeMode.Auth, _recipient, message.Enc.Span, Info, Aad, message.Ciphertext.Span, sender: _sender.PublicKey);
        }

        public void Dispose()
        {
            _recipient.Dispose();
            _sender.Dispose();
        }
    }
}
