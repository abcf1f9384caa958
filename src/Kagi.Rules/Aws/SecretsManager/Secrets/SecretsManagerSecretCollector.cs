using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.SecretsManager.Secrets;

/// <summary>Secrets: listed with <c>ListSecrets</c>, which names each one's key; a secret without one is on <c>aws/secretsmanager</c>.</summary>
public sealed class SecretsManagerSecretCollector : ListedStoreCollector<SecretsManagerSecret>
{
    protected override AwsOperation Listing => AwsOperations.SecretsManagerListSecrets;

    protected override string ListMember => "SecretList";

    protected override KeyValuePair<string, object> PageSize => new("MaxResults", 100);

    public override string WildcardArn(string partition, string region, string account) => $"arn:{partition}:secretsmanager:{region}:{account}:secret:*";

    protected override SecretsManagerSecret Read(AwsAnswer item, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(region);
        var name = item.Text("Name") ?? string.Empty;
        return new SecretsManagerSecret
        {
            Id = item.Text("ARN") ?? $"arn:{region.Partition}:secretsmanager:{region.Region}:{region.Account}:secret:{name}",
            Name = Fact.Known(name),
            Region = region.Region,
            Account = region.Account,
            KmsKeyId = Fact.Known(item.Text("KmsKeyId")),
            Key = NotResolved,
        };
    }

    protected override SecretsManagerSecret WithKey(SecretsManagerSecret store, KeyReference key) => store with { Key = key };

    // The API leaves the key out for a secret on the AWS-managed aws/secretsmanager.
    protected override KeyReference UnnamedKey => new KeyReference.ServiceDefault();
}
