using FsCheck;
using FsCheck.Fluent;
using MlaFlow.Messaging.Attachments;
using static MlaFlow.Messaging.Tests.Attachments.AttachmentSamples;

namespace MlaFlow.Messaging.Tests.Attachments;

/// <summary>No single bit flip, cut or extension anywhere in an encrypted attachment goes unnoticed.</summary>
public sealed class TamperPropertyTests
{
    private static readonly byte[] Ciphertext = EncryptAsync(Plaintext(3 * SegmentSize + 200)).GetAwaiter().GetResult().Ciphertext;

    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200);

    [Fact]
    public void any_bit_flipped_anywhere_is_refused()
    {
        var bits = Gen.Choose(0, Ciphertext.Length * 8 - 1).ToArbitrary();

        Check.One(Cases, Prop.ForAll(bits, bit => IsRefused(new CiphertextSurgery(Ciphertext).WithBitFlipped(bit / 8, bit % 8))));
    }

    [Fact]
    public void any_cut_is_refused()
    {
        var lengths = Gen.Choose(0, Ciphertext.Length - 1).ToArbitrary();

        Check.One(Cases, Prop.ForAll(lengths, length => IsRefused(Ciphertext[..length])));
    }

    [Fact]
    public void any_extension_is_refused()
    {
        var extensions = Gen.Choose(0, 255).Select(b => (byte)b).NonEmptyListOf().Select(l => l.ToArray()).ToArbitrary();

        Check.One(Cases, Prop.ForAll(extensions, extra => IsRefused([.. Ciphertext, .. extra])));
    }

    private static bool IsRefused(byte[] ciphertext)
    {
        try
        {
            DecryptAsync(ciphertext).GetAwaiter().GetResult();
            return false;
        }
        catch (AttachmentTamperedException)
        {
            return true;
        }
    }
}
