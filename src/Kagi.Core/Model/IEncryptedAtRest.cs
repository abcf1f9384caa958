namespace Kagi.Core.Model;

/// <summary>Anything whose data a KMS key protects: it is one of that key's dependents.</summary>
public interface IKeyProtected
{
    /// <summary>The key, resolved as far as the source allows.</summary>
    KeyReference Key { get; }
}

/// <summary>
/// A data store judged by the key that really protects it: whether its data is encrypted at rest, the key it names, and
/// that key resolved as far as the source allows. Every such kind is judged by the same key-level rules.
/// </summary>
public interface IEncryptedAtRest : IKeyProtected
{
    /// <summary>Whether the data is encrypted at rest; known true for a service that always encrypts.</summary>
    Fact<bool> StorageEncrypted { get; }

    /// <summary>The key as written or returned (ID, ARN, alias); null when none was given.</summary>
    Fact<string?> KmsKeyId { get; }
}

/// <summary>The key level of any data store, derived in one place.</summary>
public static class EncryptedAtRest
{
    extension(IEncryptedAtRest store)
    {
        /// <summary>The level of the key that protects the data.</summary>
        public Fact<KeyLevel> KeyLevel => KeyLevelClassifier.Classify(store.StorageEncrypted, store.Key);
    }
}
