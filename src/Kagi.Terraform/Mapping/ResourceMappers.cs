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
        };
    }

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
    };
}
