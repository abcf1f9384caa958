using Kagi.Core.Localization;

namespace Kagi.Core.Model;

/// <summary>The one place that turns what a resource says about its encryption into a <see cref="KeyLevel"/>.</summary>
public static class KeyLevelClassifier
{
    /// <summary>The alias prefix AWS reserves for AWS-managed keys; customers cannot create aliases under it.</summary>
    public const string AwsManagedAliasPrefix = "alias/aws/";

    public static Fact<KeyLevel> Classify(Fact<bool> encrypted, KeyReference key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (encrypted.IsKnown && !encrypted.Value)
        {
            return Fact.Known(KeyLevel.None);
        }

        var level = Classify(key);
        if (!encrypted.IsKnown)
        {
            return Fact.Unknown<KeyLevel>(Texts.Canonical("reasons.encryption-unknown", ("reason", encrypted.Reason)));
        }

        return level;
    }

    public static Fact<KeyLevel> Classify(KeyReference key) => key switch
    {
        KeyReference.ServiceDefault => Fact.Known(KeyLevel.AwsManaged),
        KeyReference.AwsOwned => Fact.Known(KeyLevel.AwsOwned),
        KeyReference.Alias alias => Fact.Known(IsAwsManagedAlias(alias.Name) ? KeyLevel.AwsManaged : KeyLevel.Customer),
        KeyReference.KeyIdentifier id => Fact.Unknown<KeyLevel>(Texts.Canonical("reasons.key-named-by-identifier", ("key", id.Value))),
        KeyReference.Described described => ClassifyKey(described.Key),
        KeyReference.Undetermined undetermined => Fact.Unknown<KeyLevel>(undetermined.Reason),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    /// <summary>True for <c>alias/aws/…</c>, whether written as an alias name or an alias ARN.</summary>
    public static bool IsAwsManagedAlias(string aliasNameOrArn)
    {
        ArgumentNullException.ThrowIfNull(aliasNameOrArn);
        var name = AliasName(aliasNameOrArn);
        return name.StartsWith(AwsManagedAliasPrefix, StringComparison.Ordinal);
    }

    /// <summary>Reads a raw key argument (key ID, key ARN, alias name or alias ARN) as a reference.</summary>
    public static KeyReference FromIdentifier(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = AliasName(value);
        return name.StartsWith("alias/", StringComparison.Ordinal)
            ? new KeyReference.Alias(name)
            : new KeyReference.KeyIdentifier(value);
    }

    private static Fact<KeyLevel> ClassifyKey(KmsKey key)
    {
        if (!key.Manager.IsKnown)
        {
            return Fact.Unknown<KeyLevel>(key.Manager.Reason!);
        }

        if (key.Manager.Value == KeyManager.Aws)
        {
            return Fact.Known(KeyLevel.AwsManaged);
        }

        return key.InCustomKeyStore.Map(inStore => inStore ? KeyLevel.Hsm : KeyLevel.Customer);
    }

    // "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds" -> "alias/aws/rds"
    private static string AliasName(string value)
    {
        var aliasAt = value.IndexOf(":alias/", StringComparison.Ordinal);
        return value.StartsWith("arn:", StringComparison.Ordinal) && aliasAt >= 0 ? value[(aliasAt + 1)..] : value;
    }
}
