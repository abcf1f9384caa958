using Amazon.Runtime;
using Kagi.Aws.Tests.Fake;
using Kagi.Core.Model;

namespace Kagi.Aws.Tests;

/// <summary>One DescribeKey per distinct key however a resource names it: key ID, key ARN, alias name or alias ARN.</summary>
public sealed class KmsKeyResolverTests
{
    private const string Region = "eu-west-1";
    private static readonly string CustomerKey = Scenarios.KeyArn(Region, 1);
    private static readonly string AwsManagedKey = Scenarios.KeyArn(Region, 2);

    [Fact]
    public async Task A_key_named_five_ways_is_described_once_and_aws_managed_aliases_not_at_all()
    {
        // Given a customer key with a customer alias, and the AWS-managed key of aws/rds
        await using var fake = await FakeAws.StartAsync(new FakeScenario
        {
            Regions =
            {
                [Region] = new FakeRegion
                {
                    Keys = [new(CustomerKey, Alias: "alias/app-data"), new(AwsManagedKey, Manager: "AWS", Alias: "alias/aws/rds")],
                },
            },
        });
        var resolver = Resolver(fake);

        // When resources name the customer key by ARN, ID, alias name and alias ARN, and the AWS-managed key by its reserved
        // alias, by a reserved alias AWS has not created yet, and by ARN
        var customer = await Task.WhenAll(
            resolver.ResolveAsync(CustomerKey),
            resolver.ResolveAsync(CustomerKey[(CustomerKey.LastIndexOf('/') + 1)..]),
            resolver.ResolveAsync("alias/app-data"),
            resolver.ResolveAsync($"arn:aws:kms:{Region}:{Scenarios.Account}:alias/app-data"));
        var awsManaged = await Task.WhenAll(
            resolver.ResolveAsync("alias/aws/rds"),
            resolver.ResolveAsync("alias/aws/sqs"),
            resolver.ResolveAsync(AwsManagedKey));

        // Then every name of the customer key is that customer key, described once; the AWS-managed ones are told by alias
        Assert.All(customer, key => Assert.Equal(CustomerKey, Assert.IsType<KeyReference.Described>(key).Key.Arn.Value));
        Assert.All(customer, key => Assert.Equal(KeyLevel.Customer, KeyLevelClassifier.Classify(key).Value));
        Assert.All(awsManaged, key => Assert.Equal(KeyLevel.AwsManaged, KeyLevelClassifier.Classify(key).Value));
        Assert.Equal(1, fake.Count("kms", "DescribeKey"));
        Assert.Equal(1, fake.Count("kms", "ListAliases"));
    }

    [Fact]
    public async Task An_alias_of_another_account_is_left_to_kms_and_its_refusal_is_the_reason()
    {
        // Given a region whose aliases are all the account's own
        await using var fake = await FakeAws.StartAsync(new FakeScenario { Regions = { [Region] = new FakeRegion { Keys = [new(CustomerKey, Alias: "alias/app-data")] } } });

        // When a resource names another account's alias of the same name
        var key = await Resolver(fake).ResolveAsync($"arn:aws:kms:{Region}:999988887777:alias/app-data");

        // Then KMS is asked about that alias, not our own key of the same name, and its answer (not found) is the reason
        var reason = Assert.IsType<KeyReference.Undetermined>(key).Reason;
        Assert.Contains("999988887777", reason, StringComparison.Ordinal);
        Assert.Equal(1, fake.Count("kms", "DescribeKey"));
    }

    private static KmsKeyResolver Resolver(FakeAws fake)
    {
        var clients = new AwsClientFactory(new BasicAWSCredentials("testing", "testing"), new AwsEndpoints(fake.Endpoint, _ => null), new RetryPolicy(TimeProvider.System, () => 0.5));
        var region = new RegionContext(Scenarios.Account, Region, new RecordingProgress(), 10, CancellationToken.None);
        return new KmsKeyResolver(clients.Kms(Region), region);
    }
}
