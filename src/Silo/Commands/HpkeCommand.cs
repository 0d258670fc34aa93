using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Silo.Commands;

/// <summary>
/// <c>hpke seal</c> and <c>hpke open</c>: HPKE (RFC 9180) single-shot encryption, to check interoperability
/// with another authority's implementation. Seal reads the plaintext bytes on stdin and prints enc and the
/// ciphertext in lower-case hex, one per line; open reads the ciphertext hex on stdin and writes the plaintext
/// bytes. Bad input exits 2 and a message that does not open exits 1, each with one <c>error: …</c> line on
/// stderr. Keys are never printed.
/// </summary>
internal static class HpkeCommand
{
    /// <summary>Exit code of a message that does not open with the given inputs.</summary>
    public const int NotOpenedExitCode = 1;

    public static Command Create() =>
        new("hpke", "HPKE (RFC 9180): seal to a recipient's public key, open with its private key.") { SealCommand(), OpenCommand() };

    private static Command SealCommand()
    {
        var options = new HpkeOptions();
        var recipient = HpkeOptions.Text("--pkR", "The recipient's public key (hex; X25519 32 bytes, P-256 65, P-521 133, ML-KEM-768 1184, MLKEM768-X25519 1216).");
        var sender = HpkeOptions.Text("--skS", "auth and auth_psk modes: the sender's private key (hex).");
        var command = new Command("seal", "Seal stdin to --pkR; print enc, then the ciphertext, in hex.");
        options.AddTo(command);
        command.Add(recipient);
        command.Add(sender);
        command.Action = new OneLineErrorsAction(parse => Seal(parse, options, recipient, sender));
        return command;
    }

    private static Command OpenCommand()
    {
        var options = new HpkeOptions();
        var recipient = HpkeOptions.Text("--skR", "The recipient's private key (hex; for ML-KEM-768 the 64-byte seed, for MLKEM768-X25519 the 32-byte seed).");
        var sender = HpkeOptions.Text("--pkS", "auth and auth_psk modes: the sender's public key (hex).");
        var enc = HpkeOptions.Text("--enc", "The encapsulated key printed by seal (hex).");
        var command = new Command("open", "Open the ciphertext hex on stdin; write the plaintext bytes to stdout.");
        options.AddTo(command);
        command.Add(recipient);
        command.Add(sender);
        command.Add(enc);
        command.Action = new OneLineErrorsAction(parse => Open(parse, options, recipient, sender, enc));
        return command;
    }

    private static int Seal(ParseResult parse, HpkeOptions options, Option<string> recipientOption, Option<string> senderOption)
    {
        var cipher = new HpkeCipher(options.Suite(parse));
        var mode = options.Mode(parse, cipher);
        using var psk = options.Psk(parse, mode);
        using var recipient = Key(recipientOption.Name, HpkeOptions.RequiredHex(parse, recipientOption), cipher.DeserializePublicKey);
        using var sender = SenderKey(parse, senderOption, mode, cipher.DeserializePrivateKey);
        var info = options.Info(parse);
        var aad = options.Aad(parse);
        RefuseExportOnly(cipher);

        var plaintext = ReadStandardInput();
        try
        {
            var message = cipher.Seal(mode, recipient, info, aad, plaintext, psk, sender);
            Console.WriteLine(Convert.ToHexStringLower(message.Enc.Span));
            Console.WriteLine(Convert.ToHexStringLower(message.Ciphertext.Span));
            return 0;
        }
        catch (ArgumentException e)
        {
            // The one refusal left after the checks above: an X25519 recipient key of small order.
            throw new CommandLineUsageException($"{recipientOption.Name}: {HpkeOptions.Reason(e)}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static int Open(ParseResult parse, HpkeOptions options, Option<string> recipientOption, Option<string> senderOption, Option<string> encOption)
    {
        var cipher = new HpkeCipher(options.Suite(parse));
        var mode = options.Mode(parse, cipher);
        using var psk = options.Psk(parse, mode);
        using var recipient = Key(recipientOption.Name, HpkeOptions.RequiredHex(parse, recipientOption), cipher.DeserializePrivateKey);
        using var sender = SenderKey(parse, senderOption, mode, cipher.DeserializePublicKey);
        var enc = HpkeOptions.RequiredHex(parse, encOption);
        if (enc.Length != cipher.EncLength)
        {
            throw new CommandLineUsageException($"{encOption.Name} is {enc.Length} bytes; {HpkeSuite.Name(cipher.Suite.Kem)} encapsulates in {cipher.EncLength}.");
        }

        var info = options.Info(parse);
        var aad = options.Aad(parse);
        RefuseExportOnly(cipher);
        var ciphertext = HpkeOptions.Hex("the ciphertext on stdin", Encoding.ASCII.GetString(ReadStandardInput()).Trim());

        byte[] plaintext;
        try
        {
            plaintext = cipher.Open(mode, recipient, enc, info, aad, ciphertext, psk, sender);
        }
        catch (ArgumentException e)
        {
            // The one refusal left after the checks above: an X25519 sender key of small order.
            throw new CommandLineUsageException($"{senderOption.Name}: {HpkeOptions.Reason(e)}");
        }
        catch (HpkeOpenException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return NotOpenedExitCode;
        }

        using (var output = Console.OpenStandardOutput())
        {
            output.Write(plaintext);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return 0;
    }

    /// <summary>The sender's key the mode needs (auth, auth_psk), or null; refuses one the mode does not take.</summary>
    private static T? SenderKey<T>(ParseResult parse, Option<string> option, HpkeMode mode, KeyReader<T> deserialize)
        where T : class
    {
        var bytes = HpkeOptions.OptionalHex(parse, option);
        var authMode = mode is HpkeMode.Auth or HpkeMode.AuthPsk;
        return (bytes, authMode) switch
        {
            (null, true) => throw new CommandLineUsageException($"--mode {HpkeOptions.ModeName(mode)} needs {option.Name}."),
            (null, false) => null,
            (_, false) => throw new CommandLineUsageException($"--mode {HpkeOptions.ModeName(mode)} takes no {option.Name}; use auth or auth_psk to authenticate the sender."),
            _ => Key(option.Name, bytes, deserialize),
        };
    }

    /// <summary>The key in <paramref name="bytes"/>, which are zeroed afterwards: they may be a private key.</summary>
    private static T Key<T>(string option, byte[] bytes, KeyReader<T> deserialize)
    {
        try
        {
            return deserialize(bytes);
        }
        catch (ArgumentException e)
        {
            throw new CommandLineUsageException($"{option}: {HpkeOptions.Reason(e)}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static void RefuseExportOnly(HpkeCipher cipher)
    {
        if (cipher.Suite.Aead == HpkeAead.ExportOnly)
        {
            throw new CommandLineUsageException("--aead 0xffff is export-only: it cannot seal or open messages.");
        }
    }

    private delegate T KeyReader<out T>(ReadOnlySpan<byte> encoded);

    private static byte[] ReadStandardInput()
    {
        using var input = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }
}
