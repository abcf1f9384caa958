using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// The printed AWS CLI fixes of SNS topics and OpenSearch domains work in moto: the commands run exactly as printed (only
/// the endpoint comes from the environment), the rescan passes the fixed resource under a customer-managed key (a topic
/// and an unencrypted domain changed in place; a domain on aws/es, whose key cannot change, replaced by the new domain
/// the fix creates), and nothing that passed before fails. Moving a domain's data (snapshot and restore, or reindex) is
/// printed as a comment, which moto cannot run.
/// </summary>
public sealed class SnsOpenSearchRemediationTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Region = "eu-west-1";

    public static TheoryData<string, string, string, string, string> Fixes => new()
    {
        // rule, resource, how boto3 makes it failing, what the printed fix must say, the resource that passes after it
        {
            "sns-topic-cmk-encryption", "alerts",
            """boto3.client("sns").create_topic(Name="alerts", Attributes={"KmsMasterKeyId": "alias/aws/sns"})""",
            "aws sns set-topic-attributes --region eu-west-1 --topic-arn \"$TOPIC_ARN\"", "alerts"
        },
        {
            "sns-topic-cmk-encryption", "orders",
            """boto3.client("sns").create_topic(Name="orders")""",
            "aws sns set-topic-attributes --region eu-west-1 --topic-arn \"$TOPIC_ARN\"", "orders"
        },
        {
            "sns-topic-storage-encrypted", "events",
            """boto3.client("sns").create_topic(Name="events")""",
            "--attribute-name KmsMasterKeyId", "events"
        },
        {
            "opensearch-domain-cmk-encryption", "logs",
            """boto3.client("opensearch").create_domain(DomainName="logs", EncryptionAtRestOptions={"Enabled": True})""",
            "aws opensearch create-domain --region eu-west-1 \\\n  --domain-name logs-cmk", "logs-cmk"
        },
        {
            "opensearch-domain-cmk-encryption", "search",
            """boto3.client("opensearch").create_domain(DomainName="search")""",
            "aws opensearch update-domain-config --region eu-west-1 \\\n  --domain-name search", "search"
        },
        {
            "opensearch-domain-storage-encrypted", "metrics",
            """boto3.client("opensearch").create_domain(DomainName="metrics")""",
            "aws opensearch update-domain-config --region eu-west-1 \\\n  --domain-name metrics", "metrics"
        },
    };

    [Theory]
    [MemberData(nameof(Fixes))]
    public void The_printed_cli_fix_makes_the_failing_resource_or_its_replacement_pass_under_a_cmk(string ruleId, string name, string create, string fixSays, string fixedName)
    {
        // Given a resource the rule fails
        ExternalProcess.RunPython($"import boto3\n{create}\n", moto.Endpoint, Region);
        var before = Scans.Judge(Scans.Run(moto.Endpoint, null, Region).Inventory);
        var finding = Assert.Single(before, f => f.Rule.Id == ruleId && f.Resource.Name is { IsKnown: true } named && named.Value == name);
        Assert.Equal(ResultStatus.Fail, finding.Status);

        // When the finding's AWS CLI commands run as Kagi printed them
        var cli = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli);
        Assert.Contains(fixSays, cli, StringComparison.Ordinal);
        ExternalProcess.RunShell(cli, moto.Endpoint);

        // Then the resource (changed in place) or its replacement passes under a customer-managed key with rotation on,
        // and every finding that passed still passes
        var afterInventory = Scans.Run(moto.Endpoint, null, Region).Inventory;
        var after = Scans.Judge(afterInventory);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(afterInventory, ruleId)[fixedName]);
        var key = Assert.IsType<KeyReference.Described>(KeyOf(afterInventory, fixedName)).Key;
        Assert.Equal(KeyManager.Customer, key.Manager.Value);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(afterInventory, "kms-key-rotation-enabled")[key.Name.Value]);
        var passing = after.Where(f => f.Status == ResultStatus.Pass).Select(f => (f.Rule.Id, f.Resource.Id)).ToHashSet();
        Assert.Empty(before.Where(f => f.Status == ResultStatus.Pass && !passing.Contains((f.Rule.Id, f.Resource.Id))).Select(f => $"{f.Rule.Id} {f.Resource.Id}"));
    }

    private static KeyReference KeyOf(Inventory inventory, string name) =>
        inventory.Resources.Where(resource => resource.Name is { IsKnown: true } named && named.Value == name).OfType<IEncryptedAtRest>().Single().Key;
}
