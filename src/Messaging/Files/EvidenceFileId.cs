using System.Security.Cryptography;
using System.Text;

namespace MlaFlow.Messaging.Files;

/// <summary>
/// The id of an evidence file: 32 lower-case hexadecimal digits (128 random bits), which is also its file name in
/// <c>&lt;data&gt;/files/</c>. Nothing else is accepted, so an id from a request can never name a path elsewhere.
/// </summary>
public static class EvidenceFileId
{
    /// <summary>Characters in an id.</summary>
    public const int Length = 32;

    /// <summary>A new random id.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    /// <summary>Whether <paramref name="id"/> is exactly <see cref="Length"/> lower-case hexadecimal digits.</summary>
    public static bool IsValid(string? id) => id is { Length: Length } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// The associated data the file's ciphertext is bound to. It names only the file, never the node, so the very
    /// ciphertext stored by the sender is what the receiver verifies and keeps.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a valid id.</exception>
    public static byte[] AssociatedData(string id) => Encoding.UTF8.GetBytes($"MlaFlow evidence file v1\0{Require(id)}");

    /// <summary><paramref name="id"/>, once it is valid.</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    internal static string Require(string id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? parameter = null) =>
        IsValid(id) ? id : throw new ArgumentException($"'{id}' is not an evidence file id ({Length} lower-case hexadecimal digits).", parameter);
}
