using Kagi.Core.Model;

namespace Kagi.Core.Tests;

public sealed class KeyLevelClassifierTests
{
    [Fact]
    public void Unencrypted_storage_is_level_none_whatever_key_is_named() =>
        Assert.Equal(KeyLevel.None, KeyLevelClassifier.Classify(Fact.Known(false), new KeyReference.Alias("alias/app")).Value);

    [Fact]
    public void Encryption_with_no_key_named_is_the_aws_managed_service_key() =>
        Assert.Equal(KeyLevel.AwsManaged, KeyLevelClassifier.Classify(Fact.Known(true), new KeyReference.ServiceDefault()).Value);

    [Theory]
    [InlineData("alias/aws/rds", KeyLevel.AwsManaged)]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:alias/aws/rds", KeyLevel.AwsManaged)]
    [InlineData("alias/aws-rds-lookalike", KeyLevel.Customer)]
    [InlineData("alias/app/aws/rds", KeyLevel.Customer)]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:alias/app", KeyLevel.Customer)]
    public void Aliases_under_alias_aws_are_aws_managed_and_all_others_customer(string alias, KeyLevel expected) =>
        Assert.Equal(expected, KeyLevelClassifier.Classify(Fact.Known(true), KeyLevelClassifier.FromIdentifier(alias)).Value);

    [Theory]
    [InlineData("arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab")]
    public void A_bare_key_id_or_arn_is_unknown_offline_with_the_reason(string keyId)
    {
        var level = KeyLevelClassifier.Classify(Fact.Known(true), KeyLevelClassifier.FromIdentifier(keyId));

        Assert.False(level.IsKnown);
        Assert.Contains(keyId, level.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyManager.Aws, false, KeyLevel.AwsManaged)]
    [InlineData(KeyManager.Customer, false, KeyLevel.Customer)]
    [InlineData(KeyManager.Customer, true, KeyLevel.Hsm)]
    public void A_described_key_is_judged_by_its_manager_and_key_store(KeyManager manager, bool inStore, KeyLevel expected)
    {
        var key = new KmsKey
        {
            Id = "k",
            Name = Fact.Known("k"),
            Arn = Fact.Unknown<string>("computed"),
            Manager = Fact.Known(manager),
            InCustomKeyStore = Fact.Known(inStore),
        };

        Assert.Equal(expected, KeyLevelClassifier.Classify(Fact.Known(true), new KeyReference.Described(key)).Value);
    }

    [Fact]
    public void Unknown_encryption_with_a_customer_key_stays_unknown()
    {
        var level = KeyLevelClassifier.Classify(Fact.Unknown<bool>("var.encrypted has no value"), new KeyReference.Alias("alias/app"));

        Assert.False(level.IsKnown);
        Assert.Contains("var.encrypted has no value", level.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_aws_owned_key_is_below_aws_managed() =>
        Assert.True(KeyLevelClassifier.Classify(new KeyReference.AwsOwned()).Value < KeyLevel.AwsManaged);

    [Theory]
    [InlineData("none", KeyLevel.None)]
    [InlineData("aws-owned", KeyLevel.AwsOwned)]
    [InlineData("aws-managed", KeyLevel.AwsManaged)]
    [InlineData("customer", KeyLevel.Customer)]
    [InlineData("hsm", KeyLevel.Hsm)]
    public void Level_names_round_trip(string name, KeyLevel level)
    {
        Assert.Equal(name, level.ToName());
        Assert.True(KeyLevelNames.TryParse(name, out var parsed));
        Assert.Equal(level, parsed);
    }
}
