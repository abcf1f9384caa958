using Kagi.Core.Model;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Mapping;

/// <summary>Maps one Terraform resource type to its Core record. Adding a type is adding one of these.</summary>
internal interface IResourceMapper
{
    string ResourceType { get; }

    /// <summary>Builds the record's own fields; the common ones (location, region, address) are filled in by <see cref="ResourceMapping"/>.</summary>
    CloudResource Map(IResourceView view, KeyResolver keys);
}

/// <summary><c>aws_kms_key</c>: a key the configuration creates is customer-managed by construction.</summary>
internal sealed class KmsKeyMapper : IResourceMapper
{
    public string ResourceType => "aws_kms_key";

    public CloudResource Map(IResourceView view, KeyResolver keys)
    {
        var inCustomKeyStore = InCustomKeyStore(view.Get("custom_key_store_id"));
        return new KmsKey
        {
            Id = view.Address,
            Name = Fact.Known(view.Get("description") is TfString { Value.Length: > 0 } description ? description.Value : view.Address),
            Arn = view.Get("arn") is TfString arn ? Fact.Known(arn.Value) : Fact.Unknown<string>($"{view.Address}.arn is known only after apply"),
            Manager = Fact.Known(KeyManager.Customer),
            InCustomKeyStore = inCustomKeyStore,
            State = Facts.Bool(view, "is_enabled", whenNotSet: true).Map(enabled => enabled ? "Enabled" : "Disabled"),
            Origin = inCustomKeyStore.Map(inStore => !inStore ? "AWS_KMS" : view.Get("xks_key_id") is TfNull ? "AWS_CLOUDHSM" : "EXTERNAL_KEY_STORE"),
            RotationEnabled = Facts.Bool(view, "enable_key_rotation", whenNotSet: false),
            Policy = Policy(view),
            KeySpec = Facts.OptionalString(view, "customer_master_key_spec").Map(spec => spec ?? "SYMMETRIC_DEFAULT"),
        };
    }

    // Without a policy argument KMS gives the key its default policy: the account, and only the account, may use it.
    // The account is not known offline; the policy's shape is what rules judge.
    private static Fact<string> Policy(IResourceView view) => Facts.OptionalString(view, "policy") switch
    {
        { IsKnown: false } policy => Fact.Unknown<string>($"the policy is known only after apply: {policy.Reason}"),
        { Value: null } => Fact.Known(DefaultPolicy),
        var policy => Fact.Known(policy.Value!),
    };

    private const string DefaultPolicy =
        """{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::ACCOUNT:root"},"Action":"kms:*","Resource":"*"}]}""";

    // A key store given by reference is present even though its ID is not known yet.
    private static Fact<bool> InCustomKeyStore(TfValue storeId) => storeId switch
    {
        TfNull or TfString { Value: "" } => Fact.Known(false),
        TfUnknown { Origin: null } unknown => Fact.Unknown<bool>($"custom_key_store_id is not known before apply ({unknown.Reason})"),
        _ => Fact.Known(true),
    };
}

/// <summary><c>aws_neptune_cluster</c>; the provider's default for <c>storage_encrypted</c> is false.</summary>
internal sealed class NeptuneClusterMapper : IResourceMapper
{
    public string ResourceType => "aws_neptune_cluster";

    public CloudResource Map(IResourceView view, KeyResolver keys) => new NeptuneCluster
    {
        Id = view.Address,
        Name = Facts.Name(view, "cluster_identifier", "cluster_identifier_prefix"),
        StorageEncrypted = Facts.Bool(view, "storage_encrypted", whenNotSet: false),
        KmsKeyId = Facts.OptionalString(view, "kms_key_arn"),
        Key = keys.Resolve(view, "kms_key_arn"),
        DeletionProtection = Facts.Bool(view, "deletion_protection", whenNotSet: false),
        BackupRetentionPeriod = Facts.Int(view, "backup_retention_period", whenNotSet: 1),
        IamDatabaseAuthentication = Facts.Bool(view, "iam_database_authentication_enabled", whenNotSet: false),
        EnabledCloudwatchLogsExports = Facts.Strings(view, "enable_cloudwatch_logs_exports"),
        CopyTagsToSnapshot = Facts.Bool(view, "copy_tags_to_snapshot", whenNotSet: false),

        // Joined from the cluster's aws_neptune_cluster_instance resources by ResourceJoins.
        MultiAz = Fact.Unknown<bool>("no aws_neptune_cluster_instance in the configuration belongs to this cluster"),
    };
}

/// <summary>
/// <c>aws_neptune_cluster_snapshot</c>: a manual snapshot. The provider has no argument that shares one, so what the
/// configuration creates is private; its encryption is its cluster's, joined by <see cref="ResourceJoins"/>.
/// </summary>
internal sealed class NeptuneClusterSnapshotMapper : IResourceMapper
{
    public string ResourceType => "aws_neptune_cluster_snapshot";

    public CloudResource Map(IResourceView view, KeyResolver keys) => new NeptuneClusterSnapshot
    {
        Id = view.Address,
        Name = view.Get("db_cluster_snapshot_identifier") is TfString { Value.Length: > 0 } name
            ? Fact.Known(name.Value)
            : Fact.Unknown<string>("db_cluster_snapshot_identifier is not known before apply"),
        StorageEncrypted = Fact.Unknown<bool>(
            $"db_cluster_identifier = {view.Describe("db_cluster_identifier")} names no aws_neptune_cluster of this configuration; only AWS knows whether that cluster is encrypted"),
        IsManual = Fact.Known(true),
        SharedWithAll = Fact.Known(false),
    };
}
