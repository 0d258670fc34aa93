using System.CommandLine;
using System.Globalization;
using MlaFlow.Messaging.Hpke;

namespace MlaFlow.Silo.Commands;

/// <summary>
/// The options <c>hpke seal</c> and <c>hpke open</c> share (suite, mode, PSK, info, aad) and how their text
/// becomes HPKE inputs. Every mistake is a <see cref="CommandLineUsageException"/> naming the option; the
/// value of a key option is never repeated in a message.
/// </summary>
internal sealed class HpkeOptions
{
    private static readonly Dictionary<string, HpkeMode> Modes = new(StringComparer.Ordinal)
    {
        ["base"] = HpkeMode.Base,
        ["psk"] = HpkeMode.Psk,
        ["auth"] = HpkeMode.Auth,
        ["auth_psk"] = HpkeMode.AuthPsk,
    };

    private readonly Option<string> _kem = Text("--kem",
        "KEM id of RFC 9180 or draft-ietf-hpke-pq, decimal or 0x-hex: 0x0010 P-256, 0x0012 P-521, 0x0020 X25519, 0x0041 ML-KEM-768, 0x647a MLKEM768-X25519 (the last two: base and psk modes only).");
    private readonly Option<string> _kdf = Text("--kdf", "KDF id: 0x0001 HKDF-SHA256, 0x0003 HKDF-SHA512.");
    private readonly Option<string> _aead = Text("--aead", "AEAD id: 0x0001 AES-128-GCM, 0x0002 AES-256-GCM, 0x0003 ChaCha20Poly1305.");
    private readonly Option<string> _mode = Text("--mode", "base, psk, auth or auth_psk.");
    private readonly Option<string> _psk = Text("--psk", "psk and auth_psk modes: the pre-shared key (hex, at least 32 bytes).");
    private readonly Option<string> _pskId = Text("--psk-id", "psk and auth_psk modes: the PSK's identifier (hex).");
    private readonly Option<string> _info = Text("--info", "Application info bound to the key schedule (hex; may be empty: --info \"\").");
    private readonly Option<string> _aad = Text("--aad", "Associated data authenticated with the message (hex; may be empty: --aad \"\").");

    /// <summary>A text option; the command itself reports it missing, as one <c>error:</c> line, when the mode needs it.</summary>
    public static Option<string> Text(string name, string description) =>
        new(name) { Description = description };

    public void AddTo(Command command)
    {
        foreach (var option in new[] { _kem, _kdf, _aead, _mode, _psk, _pskId, _info, _aad })
        {
            command.Add(option);
        }
    }

    public HpkeSuite Suite(ParseResult parse)
    {
        var kem = Id(parse, _kem);
        var kdf = Id(parse, _kdf);
        var aead = Id(parse, _aead);
        return HpkeSuite.TryCreate(kem, kdf, aead, out var suite, out var problem)
            ? suite
            : throw new CommandLineUsageException(problem);
    }

    /// <summary>The mode, refusing an auth mode the suite's KEM does not have (the post-quantum KEMs have none).</summary>
    public HpkeMode Mode(ParseResult parse, HpkeCipher cipher)
    {
        var text = Required(parse, _mode);
        var mode = Modes.TryGetValue(text, out var known)
            ? known
            : throw new CommandLineUsageException($"--mode '{text}' is not one of {string.Join(", ", Modes.Keys)}.");
        return mode is HpkeMode.Auth or HpkeMode.AuthPsk && !cipher.HasAuthModes
            ? throw new CommandLineUsageException(
                $"--mode {text}: {HpkeSuite.Name(cipher.Suite.Kem)} has no authenticated mode (draft-ietf-hpke-pq); use base or psk, and authenticate the sender by a PSK or a signature.")
            : mode;
    }

    /// <summary>The PSK the mode needs, or null in the modes without one; refuses a PSK the mode does not take.</summary>
    public HpkePsk? Psk(ParseResult parse, HpkeMode mode)
    {
        var key = OptionalHex(parse, _psk);
        var id = OptionalHex(parse, _pskId);
        if ((key is null) != (id is null))
        {
            throw new CommandLineUsageException(key is null ? "--psk-id needs --psk." : "--psk needs --psk-id.");
        }

        var pskMode = mode is HpkeMode.Psk or HpkeMode.AuthPsk;
        if (key is null || id is null)
        {
            return pskMode ? throw new CommandLineUsageException($"--mode {ModeName(mode)} needs --psk and --psk-id.") : null;
        }

        if (!pskMode)
        {
            throw new CommandLineUsageException($"--mode {ModeName(mode)} takes no PSK; use psk or auth_psk, or leave out --psk and --psk-id.");
        }

        try
        {
            return new HpkePsk(key, id);
        }
        catch (ArgumentException e)
        {
            throw new CommandLineUsageException($"{(e.ParamName == "id" ? "--psk-id" : "--psk")}: {Reason(e)}");
        }
        finally
        {
            Array.Clear(key);
        }
    }

    public byte[] Info(ParseResult parse) => RequiredHex(parse, _info);

    public byte[] Aad(ParseResult parse) => RequiredHex(parse, _aad);

    public static string ModeName(HpkeMode mode) => Modes.Single(m => m.Value == mode).Key;

    public static string Required(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is { } text ? text : throw new CommandLineUsageException($"{option.Name} is required.");

    /// <summary>The bytes of a hex option that must be present (it may be empty).</summary>
    public static byte[] RequiredHex(ParseResult parse, Option<string> option) => Hex(option.Name, Required(parse, option));

    public static byte[]? OptionalHex(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is { } text ? Hex(option.Name, text) : null;

    /// <summary>Hex digits, either case, no separators; the text itself is not echoed, since it may be a private key.</summary>
    public static byte[] Hex(string what, string text)
    {
        if (text.Length % 2 != 0)
        {
            throw new CommandLineUsageException($"{what} is not hex: it has an odd number of digits ({text.Length}).");
        }

        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            throw new CommandLineUsageException($"{what} is not hex: only the digits 0-9 and a-f are allowed.");
        }
    }

    /// <summary>An <see cref="ArgumentException"/>'s message without the "(Parameter '…')" the runtime appends, which names code, not options.</summary>
    public static string Reason(ArgumentException e) =>
        e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : e.Message;

    private static ushort Id(ParseResult parse, Option<string> option)
    {
        var text = Required(parse, option);
        var parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ushort.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id)
            : ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
        return parsed ? id : throw new CommandLineUsageException($"{option.Name} '{text}' is not an RFC 9180 id (decimal such as 32, or hex such as 0x0020).");
    }
}
