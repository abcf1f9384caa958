using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.SecretsManager.Secrets;

/// <summary>Secrets: listed with <c>ListSecrets</c>, which names each one's key; a secret without one is on <c>aws/secretsmanager</c>.</summary>
public sealed class SecretsManagerSecretCollector : ILiveCollector
{
    private static readonly AwsOperation Listing = AwsOperations.SecretsManagerListSecrets;

    public string ResourceType => SecretsManagerSecret.Descriptor.Type;

    public AwsService Service => AwsApi.SecretsManager.Service;

    public IReadOnlyList<string> Calls { get; } = [Listing.Name];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:secretsmanager:{region}:{account}:secret:*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var pages = services.Clients.Api(AwsApi.SecretsManager, region.Region).ItemPagesAsync(region, Listing, "SecretList", secret => Read(secret, region), [new("MaxResults", 100)]);
        return this.CollectPagesAsync(
            region,
            services,
            pages,
            async secret => secret with
            {
                // The API leaves the key out for a secret on the AWS-managed aws/secretsmanager.
                Key = secret.KmsKeyId.Value is { Length: > 0 } key ? await services.Keys.ResolveAsync(key).ConfigureAwait(false) : new KeyReference.ServiceDefault(),
            },
            secret => (secret.Id, secret.KmsKeyId.Value));
    }

    private static SecretsManagerSecret Read(AwsAnswer secret, RegionContext region)
    {
        var name = secret.Text("Name") ?? string.Empty;
        return new SecretsManagerSecret
        {
            Id = secret.Text("ARN") ?? $"arn:{region.Partition}:secretsmanager:{region.Region}:{region.Account}:secret:{name}",
            Name = Fact.Known(name),
            Region = region.Region,
            Account = region.Account,
            KmsKeyId = Fact.Known(secret.Text("KmsKeyId")),
            Key = new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved")),
        };
    }
}
