using Kagi.Core.Model;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Tests.Support;
using static Kagi.Terraform.Tests.Support.Hcl;

namespace Kagi.Terraform.Tests;

/// <summary>Every way a Neptune cluster's kms_key_arn can name its key, and the key reference it maps to.</summary>
public sealed class KeyMappingTests
{
    private const string KeyArn = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static ModuleFixture Encrypted(Expression? kmsKeyArn, ModuleFixture? fixture = null)
    {
        (string, Expression)[] arguments = kmsKeyArn is null
            ? [("cluster_identifier", Str("graph")), ("storage_encrypted", Lit(true))]
            : [("cluster_identifier", Str("graph")), ("storage_encrypted", Lit(true)), ("kms_key_arn", kmsKeyArn)];
        return (fixture ?? new ModuleFixture()).Add(Resource("aws_neptune_cluster", "graph", 30, arguments));
    }

    private static ModuleFixture WithKey(params (string, Expression)[] arguments) =>
        new ModuleFixture().Add(Resource("aws_kms_key", "neptune_cmk", 1, [("description", Str("KMS key for Neptune database encryption")), .. arguments]));

    [Fact]
    public void Encryption_on_with_no_key_uses_the_service_default_aws_managed_key()
    {
        var cluster = Encrypted(null).Cluster();

        Assert.IsType<KeyReference.ServiceDefault>(cluster.Key);
        Assert.Equal(KeyLevel.AwsManaged, cluster.KeyLevel.Value);
        Assert.Null(cluster.KmsKeyId.Value);
    }

    [Fact]
    public void Storage_encrypted_absent_means_not_encrypted_the_providers_default()
    {
        var cluster = new ModuleFixture().Add(Resource("aws_neptune_cluster", "graph", 1, ("cluster_identifier", Str("graph")))).Cluster();

        Assert.False(cluster.StorageEncrypted.Value);
        Assert.Equal(KeyLevel.None, cluster.KeyLevel.Value);
    }

    [Fact]
    public void Storage_encrypted_from_a_variable_without_default_is_unknown()
    {
        var fixture = new ModuleFixture().Variable("encrypted", null)
            .Add(Resource("aws_neptune_cluster", "graph", 1, ("storage_encrypted", Ref("var.encrypted"))));

        Assert.False(fixture.Cluster().StorageEncrypted.IsKnown);
    }

    [Theory]
    [InlineData("alias/aws/rds", KeyLevel.AwsManaged)]
    [InlineData("arn:aws:kms:ap-northeast-1:111122223333:alias/aws/rds", KeyLevel.AwsManaged)]
    [InlineData("alias/neptune-data", KeyLevel.Customer)]
    public void A_known_alias_is_classified_by_its_name(string alias, KeyLevel expected)
    {
        var cluster = Encrypted(Str(alias)).Cluster();

        Assert.IsType<KeyReference.Alias>(cluster.Key);
        Assert.Equal(expected, cluster.KeyLevel.Value);
        Assert.Equal(alias, cluster.KmsKeyId.Value);
    }

    [Fact]
    public void A_bare_key_arn_cannot_be_classified_offline()
    {
        var cluster = Encrypted(Str(KeyArn)).Cluster();

        Assert.Equal(new KeyReference.KeyIdentifier(KeyArn), cluster.Key);
        Assert.False(cluster.KeyLevel.IsKnown);
    }

    [Theory]
    [InlineData("aws_kms_key.neptune_cmk.arn")]
    [InlineData("aws_kms_key.neptune_cmk.key_id")]
    [InlineData("aws_kms_key.neptune_cmk.id")]
    public void A_reference_to_a_key_in_the_configuration_is_that_customer_managed_key(string reference)
    {
        // Given the seed article's key and a cluster that refers to it
        var cluster = Encrypted(Ref(reference), WithKey()).Cluster();

        // Then the cluster is joined to the key record
        var key = Assert.IsType<KeyReference.Described>(cluster.Key).Key;
        Assert.Equal("aws_kms_key.neptune_cmk", key.Id);
        Assert.Equal("KMS key for Neptune database encryption", key.Name.Value);
        Assert.Equal(KeyLevel.Customer, cluster.KeyLevel.Value);
        Assert.False(cluster.KmsKeyId.IsKnown);
    }

    [Fact]
    public void A_key_reference_through_a_local_still_joins_to_the_key()
    {
        var fixture = WithKey().Local("key_arn", Ref("aws_kms_key.neptune_cmk.arn"));

        Assert.IsType<KeyReference.Described>(Encrypted(Ref("local.key_arn"), fixture).Cluster().Key);
    }

    [Fact]
    public void A_variable_default_naming_an_alias_is_that_alias()
    {
        var fixture = new ModuleFixture().Variable("kms_key", Str("alias/aws/rds"));

        Assert.Equal(new KeyReference.Alias("alias/aws/rds"), Encrypted(Ref("var.kms_key"), fixture).Cluster().Key);
    }

    [Fact]
    public void A_conditional_whose_branches_both_refer_to_the_key_joins_to_it()
    {
        var fixture = WithKey().Variable("use_arn", null);

        var cluster = Encrypted(If(Ref("var.use_arn"), Ref("aws_kms_key.neptune_cmk.arn"), Ref("aws_kms_key.neptune_cmk.key_id")), fixture).Cluster();

        Assert.IsType<KeyReference.Described>(cluster.Key);
    }

    [Fact]
    public void A_condition_known_only_after_apply_between_keys_of_the_same_level_has_that_level()
    {
        // Given a cluster choosing, by a variable without default, between a CMK and a customer alias
        var fixture = WithKey().Variable("use_alias", null);

        var cluster = Encrypted(If(Ref("var.use_alias"), Str("alias/neptune"), Ref("aws_kms_key.neptune_cmk.arn")), fixture).Cluster();

        // Then either way it is a customer-managed key
        Assert.Equal(KeyLevel.Customer, cluster.KeyLevel.Value);
    }

    [Fact]
    public void A_condition_known_only_after_apply_between_levels_is_undetermined_naming_each_level()
    {
        // Given a cluster choosing between its CMK and the service default
        var fixture = WithKey().Variable("use_cmk", null);

        var cluster = Encrypted(If(Ref("var.use_cmk"), Ref("aws_kms_key.neptune_cmk.arn"), Lit(null)), fixture).Cluster();

        // Then the level depends on the condition, and the reason says what each branch gives
        var key = Assert.IsType<KeyReference.Undetermined>(cluster.Key);
        Assert.Contains("one of customer / aws-managed", key.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_in_a_custom_key_store_is_hsm_level()
    {
        var fixture = WithKey(("custom_key_store_id", Ref("aws_kms_custom_key_store.hsm.id")))
            .Add(Resource("aws_kms_custom_key_store", "hsm", 20, ("custom_key_store_name", Str("hsm"))));

        var cluster = Encrypted(Ref("aws_kms_key.neptune_cmk.arn"), fixture).Cluster();

        Assert.Equal(KeyLevel.Hsm, cluster.KeyLevel.Value);
    }

    [Fact]
    public void A_configured_key_says_its_state_and_where_its_key_material_comes_from()
    {
        var plain = WithKey().Map().OfType<KmsKey>().Single();
        var disabled = WithKey(("is_enabled", Lit(false))).Map().OfType<KmsKey>().Single();
        var cloudHsm = WithKey(("custom_key_store_id", Str("cks-1234567890abcdef0"))).Map().OfType<KmsKey>().Single();
        var external = WithKey(("custom_key_store_id", Str("cks-1234567890abcdef0")), ("xks_key_id", Str("external-key"))).Map().OfType<KmsKey>().Single();

        Assert.Equal(("Enabled", "AWS_KMS"), (plain.State.Value, plain.Origin.Value));
        Assert.Equal("Disabled", disabled.State.Value);
        Assert.Equal("AWS_CLOUDHSM", cloudHsm.Origin.Value);
        Assert.Equal("EXTERNAL_KEY_STORE", external.Origin.Value);
    }

    [Fact]
    public void A_custom_key_store_id_from_a_variable_without_default_leaves_the_level_unknown()
    {
        var fixture = WithKey(("custom_key_store_id", Ref("var.store"))).Variable("store", null);

        var key = fixture.Map().OfType<KmsKey>().Single();

        Assert.False(key.InCustomKeyStore.IsKnown);
        Assert.Equal(KeyManager.Customer, key.Manager.Value);
        Assert.False(key.Arn.IsKnown);
    }

    [Fact]
    public void An_alias_resource_is_followed_to_the_key_it_targets()
    {
        var fixture = WithKey().Add(Resource("aws_kms_alias", "neptune", 10, ("name", Str("alias/neptune")), ("target_key_id", Ref("aws_kms_key.neptune_cmk.key_id"))));

        var cluster = Encrypted(Ref("aws_kms_alias.neptune.arn"), fixture).Cluster();

        Assert.Equal("aws_kms_key.neptune_cmk", Assert.IsType<KeyReference.Described>(cluster.Key).Key.Id);
    }

    [Fact]
    public void An_alias_resource_whose_target_is_not_in_the_configuration_is_a_customer_alias()
    {
        var fixture = new ModuleFixture().Add(Resource("aws_kms_alias", "neptune", 10, ("name", Str("alias/neptune")), ("target_key_id", Str(KeyArn))));

        Assert.Equal(new KeyReference.Alias("alias/neptune"), Encrypted(Ref("aws_kms_alias.neptune.arn"), fixture).Cluster().Key);
    }

    [Theory]
    [InlineData("alias/aws/rds", KeyLevel.AwsManaged)]
    [InlineData("alias/neptune", KeyLevel.Customer)]
    public void A_data_aws_kms_alias_is_classified_by_the_alias_it_looks_up(string alias, KeyLevel expected)
    {
        var fixture = new ModuleFixture().Add(Data("aws_kms_alias", "lookup", 5, ("name", Str(alias))));

        var cluster = Encrypted(Ref("data.aws_kms_alias.lookup.target_key_arn"), fixture).Cluster();

        Assert.Equal(new KeyReference.Alias(alias), cluster.Key);
        Assert.Equal(expected, cluster.KeyLevel.Value);
    }

    [Fact]
    public void A_data_aws_kms_key_looked_up_by_alias_or_by_id_is_that_identifier()
    {
        var fixture = new ModuleFixture()
            .Add(Data("aws_kms_key", "by_alias", 5, ("key_id", Str("alias/aws/rds"))))
            .Add(Data("aws_kms_key", "by_id", 6, ("key_id", Str(KeyArn))));

        Assert.Equal(new KeyReference.Alias("alias/aws/rds"), Encrypted(Ref("data.aws_kms_key.by_alias.arn"), fixture).Cluster().Key);
        Assert.Equal(new KeyReference.KeyIdentifier(KeyArn), new ModuleFixture()
            .Add(Data("aws_kms_key", "by_id", 6, ("key_id", Str(KeyArn))))
            .Add(Resource("aws_neptune_cluster", "graph", 30, ("storage_encrypted", Lit(true)), ("kms_key_arn", Ref("data.aws_kms_key.by_id.arn"))))
            .Cluster().Key);
    }

    [Fact]
    public void A_data_source_looking_up_an_unknown_name_is_undetermined_naming_it()
    {
        var fixture = new ModuleFixture().Variable("alias", null)
            .Add(Data("aws_kms_alias", "lookup", 5, ("name", Ref("var.alias"))));

        var key = Assert.IsType<KeyReference.Undetermined>(Encrypted(Ref("data.aws_kms_alias.lookup.target_key_arn"), fixture).Cluster().Key);

        Assert.Contains("data.aws_kms_alias.lookup", key.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_computed_value_is_undetermined()
    {
        var fixture = new ModuleFixture().Add(Resource("aws_ssm_parameter", "key", 5, ("name", Str("/neptune/key"))));

        var key = Assert.IsType<KeyReference.Undetermined>(Encrypted(Ref("aws_ssm_parameter.key.value"), fixture).Cluster().Key);

        Assert.Contains("kms_key_arn is computed at apply time", key.Reason, StringComparison.Ordinal);
        Assert.Contains("cannot tell which key", key.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_variable_without_default_is_undetermined_with_its_reason()
    {
        var fixture = new ModuleFixture().Variable("kms_key_arn", null);

        var key = Assert.IsType<KeyReference.Undetermined>(Encrypted(Ref("var.kms_key_arn"), fixture).Cluster().Key);

        Assert.Contains("variable \"kms_key_arn\" has no default", key.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_without_identifier_has_an_unknown_name_that_says_terraform_generates_one()
    {
        var generated = new ModuleFixture().Add(Resource("aws_neptune_cluster", "graph", 1)).Cluster();
        var prefixed = new ModuleFixture().Add(Resource("aws_neptune_cluster", "graph", 1, ("cluster_identifier_prefix", Str("graph-")))).Cluster();

        Assert.Equal("cluster_identifier is not set; Terraform generates one", generated.Name.Reason);
        Assert.Equal("cluster_identifier is not set; Terraform generates one", prefixed.Name.Reason);
    }

    [Fact]
    public void The_cluster_record_carries_its_address_location_and_region()
    {
        var cluster = Encrypted(null, new ModuleFixture().Provider("aws", ("region", Str("ap-northeast-1")))).Cluster();

        Assert.Equal("aws_neptune_cluster.graph", cluster.Id);
        Assert.Equal("graph", cluster.Name.Value);
        Assert.Equal(new SourceLocation("main.tf", 30), cluster.Location);
        Assert.Equal("ap-northeast-1", cluster.Region);
        Assert.Equal(new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", "graph"), cluster.Declaration);
    }

    [Fact]
    public void A_cluster_with_count_two_is_mapped_as_two_instances_addressed_by_index()
    {
        var fixture = new ModuleFixture().Add(Resource("aws_neptune_cluster", "graph", 7, ("count", Lit(2))));

        var clusters = fixture.Map();

        Assert.Equal(["aws_neptune_cluster.graph[0]", "aws_neptune_cluster.graph[1]"], clusters.Select(c => c.Id));
        Assert.All(clusters, c => Assert.Equal(new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", "graph"), c.Declaration));
        Assert.Empty(fixture.Diagnostics);
    }
}
