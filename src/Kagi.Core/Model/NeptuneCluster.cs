namespace Kagi.Core.Model;

/// <summary>An Amazon Neptune DB cluster.</summary>
public sealed record NeptuneCluster : CloudResource
{
    public const string ResourceType = "AWS::Neptune::DBCluster";

    public override string Type => ResourceType;

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key argument as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }

    public Fact<KeyLevel> KeyLevel => KeyLevelClassifier.Classify(StorageEncrypted, Key);
}
