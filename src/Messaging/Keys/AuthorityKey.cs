using MlaFlow.Plugins.Sdk;
using NodaTime;

namespace MlaFlow.Messaging.Keys;

/// <summary>
/// One key of a central authority as MlaFlow knows it, own or peer: the public key, where it is in its life,
/// and when it got there. Holds nothing secret, so it may be listed, logged and exported.
/// </summary>
public sealed record AuthorityKey
{
    /// <exception cref="FormatException">The status and the instants contradict each other.</exception>
    internal AuthorityKey(AuthorityId authority, PublicKey publicKey, KeyStatus status, Instant created, Instant? retired = null, Instant? revoked = null)
    {
        var problem = status switch
        {
            KeyStatus.Active when retired is not null || revoked is not null => "an active key has no retired or revoked time",
            KeyStatus.Retired when retired is null || revoked is not null => "a retired key has a retired time and no revoked time",
            KeyStatus.Revoked when revoked is null => "a revoked key has a revoked time",
            _ when retired < created || revoked < created => "a key is retired or revoked after it is created",
            _ when !Enum.IsDefined(status) => $"'{status}' is not a status",
            _ => null,
        };
        if (problem is not null)
        {
            throw new FormatException($"Key {publicKey.Id} of {authority}: {problem}.");
        }

        (Authority, PublicKey, Status, Created, Retired, Revoked) = (authority, publicKey, status, created, retired, revoked);
        Suite = KeySuite.Of(publicKey.Algorithm);
    }

    public AuthorityId Authority { get; }

    public PublicKey PublicKey { get; }

    public KeyId Id => PublicKey.Id;

    public KeyUse Use => PublicKey.Use;

    public KeySuite Suite { get; }

    public Fingerprint Fingerprint => PublicKey.Fingerprint;

    public KeyStatus Status { get; }

    public Instant Created { get; }

    /// <summary>When rotation replaced it; kept after a later revocation.</summary>
    public Instant? Retired { get; }

    public Instant? Revoked { get; }

    /// <summary>Refuses the key, with the reason, unless it may be used for <paramref name="operation"/>.</summary>
    /// <exception cref="KeyRefusedException">Wrong use, revoked, or retired when a new message is to be made.</exception>
    public void EnsureUsableFor(KeyOperation operation)
    {
        var needed = operation is KeyOperation.Encrypt or KeyOperation.Decrypt ? KeyUse.Encryption : KeyUse.Signing;
        if (Use != needed)
        {
            throw new KeyRefusedException(KeyRefusal.WrongUse,
                $"Key {Id} of {Authority} is {Article(Use)} {Use.ToString().ToLowerInvariant()} key ({PublicKey.Algorithm.Name}); it cannot {Verb(operation)}.");
        }

        if (Status == KeyStatus.Revoked)
        {
            throw new KeyRefusedException(KeyRefusal.Revoked, $"Key {Id} of {Authority} was revoked at {Revoked}; it is refused for everything.");
        }

        if (Status == KeyStatus.Retired && operation is KeyOperation.Encrypt or KeyOperation.Sign)
        {
            throw new KeyRefusedException(KeyRefusal.Retired,
                $"Key {Id} of {Authority} was retired at {Retired} by a key rotation; it opens and verifies earlier messages but cannot {Verb(operation)} new ones.");
        }
    }

    /// <summary>Checks a signature made with this key; refuses a revoked key or an encryption key rather than answer false.</summary>
    /// <exception cref="KeyRefusedException">The key may not verify (see <see cref="EnsureUsableFor"/>).</exception>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        EnsureUsableFor(KeyOperation.Verify);
        return PublicKey.Verify(message, signature);
    }

    internal AuthorityKey Retire(Instant at) => new(Authority, PublicKey, KeyStatus.Retired, Created, retired: at);

    internal AuthorityKey Revoke(Instant at) => new(Authority, PublicKey, KeyStatus.Revoked, Created, Retired, revoked: at);

    private static string Article(KeyUse use) => use == KeyUse.Encryption ? "an" : "a";

    private static string Verb(KeyOperation operation) => operation switch
    {
        KeyOperation.Encrypt => "encrypt",
        KeyOperation.Decrypt => "decrypt",
        KeyOperation.Sign => "sign",
        _ => "verify",
    };
}
