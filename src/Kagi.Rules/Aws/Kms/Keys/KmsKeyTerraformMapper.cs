using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Kms.Keys;

/// <summary><c>aws_kms_key</c>: a key the configuration creates is customer-managed by construction.</summary>
internal sealed class KmsKeyTerraformMapper : ResourceMapper<KmsKey>
{
    private const string KeyPolicyType = "aws_kms_key_policy";
    private const string AliasType = "aws_kms_alias";

    public override string TerraformType => "aws_kms_key";

    public override KmsKey Map(IResourceView view, KeyResolver keys)
    {
        var inCustomKeyStore = InCustomKeyStore(view.Get("custom_key_store_id"));
        return new KmsKey
        {
            Id = view.Address,
            Name = Fact.Known(view.Get("description") is TfString { Value.Length: > 0 } description ? description.Value : view.Address),
            Arn = view.Get("arn") is TfString arn ? Fact.Known(arn.Value) : Fact.Unknown<string>(Texts.Canonical("reasons.known-after-apply", ("address", $"{view.Address}.arn"))),
            Manager = Fact.Known(KeyManager.Customer),
            InCustomKeyStore = inCustomKeyStore,
            State = Facts.Bool(view, "is_enabled", whenNotSet: true).Map(enabled => enabled ? "Enabled" : "Disabled"),
            Origin = inCustomKeyStore.Map(inStore => !inStore ? "AWS_KMS" : view.Get("xks_key_id") is TfNull ? "AWS_CLOUDHSM" : "EXTERNAL_KEY_STORE"),
            RotationEnabled = Facts.Bool(view, "enable_key_rotation", whenNotSet: false),
            Policy = Policy(view),
            KeySpec = Facts.OptionalString(view, "customer_master_key_spec").Map(spec => spec ?? "SYMMETRIC_DEFAULT"),
            MultiRegion = Facts.Bool(view, "multi_region", whenNotSet: false),

            // A key the configuration keeps is not being deleted; destroying it is a plan's business.
            DeletionDate = Fact.Known<string?>(null),
            Aliases = Fact.Known<IReadOnlyList<string>>([]),
        };
    }

    /// <summary>
    /// Its <c>aws_kms_alias</c> resources name it; an <c>aws_kms_key_policy</c> that names the key replaces its policy
    /// wholesale, whatever the key itself says.
    /// </summary>
    public override KmsKey Join(KmsKey resource, JoinScope scope) => WithPolicy(WithAliases(resource, scope), scope);

    private static KmsKey WithAliases(KmsKey key, JoinScope scope)
    {
        var names = scope.OfType(AliasType)
            .Where(alias => alias.Origin("target_key_id")?.Address is { } address && JoinScope.Names(address, key))
            .Select(alias => Facts.OptionalString(alias, "name"))
            .ToList();
        return names.Where(name => !name.IsKnown).Select(name => name.Reason).FirstOrDefault() is { } reason
            ? key with { Aliases = Fact.Unknown<IReadOnlyList<string>>(reason) }
            : key with { Aliases = Fact.Known<IReadOnlyList<string>>([.. names.Select(name => name.Value).OfType<string>().Order(StringComparer.Ordinal)]) };
    }

    private static KmsKey WithPolicy(KmsKey resource, JoinScope scope) =>
        scope.OfType(KeyPolicyType).FirstOrDefault(policy => policy.Origin("key_id")?.Address is { } address && JoinScope.Names(address, resource)) is { } policy
            ? resource with
            {
                Policy = Facts.OptionalString(policy, "policy") switch
                {
                    { IsKnown: true, Value: { } text } => Fact.Known(text),
                    { IsKnown: true } => Fact.Unknown<string>(Texts.Canonical("reasons.key-policy-not-given", ("address", policy.Address))),
                    var unknown => Fact.Unknown<string>(Texts.Canonical("reasons.argument-after-apply", ("argument", $"{policy.Address}.policy"), ("reason", unknown.Reason))),
                },
            }
            : resource;

    // Without a policy argument KMS gives the key its default policy: the account, and only the account, may use it.
    // The account is not known offline; the policy's shape is what rules judge.
    private static Fact<string> Policy(IResourceView view) => Facts.OptionalString(view, "policy") switch
    {
        { IsKnown: false } policy => Fact.Unknown<string>(Texts.Canonical("reasons.argument-after-apply", ("argument", "policy"), ("reason", policy.Reason))),
        { Value: null } => Fact.Known(DefaultPolicy),
        var policy => Fact.Known(policy.Value!),
    };

    private const string DefaultPolicy =
        """{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::ACCOUNT:root"},"Action":"kms:*","Resource":"*"}]}""";

    // A key store given by reference is present even though its ID is not known yet.
    private static Fact<bool> InCustomKeyStore(TfValue storeId) => storeId switch
    {
        TfNull or TfString { Value: "" } => Fact.Known(false),
        TfUnknown { Origin: null } unknown => Fact.Unknown<bool>(Texts.Canonical("reasons.argument-after-apply", ("argument", "custom_key_store_id"), ("reason", unknown.Reason))),
        _ => Fact.Known(true),
    };
}
