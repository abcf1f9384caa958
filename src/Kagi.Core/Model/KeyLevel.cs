namespace Kagi.Core.Model;

/// <summary>How well data at rest is protected, by the kind of key that encrypts it; lowest first.</summary>
public enum KeyLevel
{
    /// <summary>Not encrypted.</summary>
    None = 0,

    /// <summary>A key AWS owns and never shows.</summary>
    AwsOwned = 1,

    /// <summary>The account's AWS-managed <c>aws/&lt;service&gt;</c> key.</summary>
    AwsManaged = 2,

    /// <summary>A customer-managed key (CMK).</summary>
    Customer = 3,

    /// <summary>A customer-managed key in a custom key store (CloudHSM or external).</summary>
    Hsm = 4,
}

/// <summary>The names of key levels as the command line, JSON and docs spell them.</summary>
public static class KeyLevelNames
{
    public static string ToName(this KeyLevel level) => level switch
    {
        KeyLevel.None => "none",
        KeyLevel.AwsOwned => "aws-owned",
        KeyLevel.AwsManaged => "aws-managed",
        KeyLevel.Customer => "customer",
        KeyLevel.Hsm => "hsm",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static bool TryParse(string? name, out KeyLevel level) => EnumNames.TryParse(name, ToName, out level);
}
