using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// The printed AWS CLI fixes of ElastiCache replication groups work in moto: the commands run exactly as printed (only the
/// endpoint comes from the environment); the group's key cannot change, so the fix backs it up and restores the backup into
/// a new group under a customer-managed key, which the rescan passes, and nothing that passed before fails.
/// The Redshift fix (<c>aws redshift modify-cluster --encrypted --kms-key-id</c>, which moves a cluster to another key in
/// place) is not proven here: moto 5.2's ModifyCluster ignores <c>KmsKeyId</c>, so the cluster would keep its old key. Its
/// Terraform side is proven by <c>TerraformFixAppliedTests</c>.
/// </summary>
public sealed class QueryApiRemediationTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Region = "eu-west-1";

    public static TheoryData<string, string, string, string> Fixes => new()
    {
        // rule, the group, how boto3 makes it, the group that passes after the fix
        {
            "elasticache-replication-group-cmk-encryption", "sessions",
            """boto3.client("elasticache").create_replication_group(ReplicationGroupId="sessions", ReplicationGroupDescription="d", CacheNodeType="cache.t4g.micro", Engine="redis", AtRestEncryptionEnabled=True)""",
            "sessions-cmk"
        },
        {
            "elasticache-replication-group-cmk-encryption", "carts",
            """boto3.client("elasticache").create_replication_group(ReplicationGroupId="carts", ReplicationGroupDescription="d", CacheNodeType="cache.t4g.micro", Engine="redis")""",
            "carts-cmk"
        },
        {
            "elasticache-replication-group-storage-encrypted", "queues",
            """boto3.client("elasticache").create_replication_group(ReplicationGroupId="queues", ReplicationGroupDescription="d", CacheNodeType="cache.t4g.micro", Engine="redis")""",
            "queues-cmk"
        },
    };

    [Theory]
    [MemberData(nameof(Fixes))]
    public void The_printed_cli_fix_makes_a_replacement_that_passes_under_a_cmk(string ruleId, string name, string create, string fixedName)
    {
        // Given a replication group on ElastiCache's own key or unencrypted, which the rule fails
        ExternalProcess.RunPython($"import boto3\n{create}\n", moto.Endpoint, Region);
        var before = Scans.Judge(Scans.Run(moto.Endpoint, null, Region).Inventory);
        var finding = Assert.Single(before, f => f.Rule.Id == ruleId && f.Resource.Name is { IsKnown: true } named && named.Value == name);
        Assert.Equal(ResultStatus.Fail, finding.Status);

        // When the finding's AWS CLI commands run as Kagi printed them
        var cli = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli);
        Assert.Contains($"aws elasticache create-replication-group --region eu-west-1 \\\n  --replication-group-id {fixedName}", cli, StringComparison.Ordinal);
        ExternalProcess.RunShell(cli, moto.Endpoint);

        // Then the replacement passes both rules under a customer-managed key with rotation on, and every finding that passed still passes
        var afterInventory = Scans.Run(moto.Endpoint, null, Region).Inventory;
        var after = Scans.Judge(afterInventory);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(afterInventory, "elasticache-replication-group-cmk-encryption")[fixedName]);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(afterInventory, "elasticache-replication-group-storage-encrypted")[fixedName]);
        var key = Assert.IsType<KeyReference.Described>(afterInventory.Resources.OfType<IEncryptedAtRest>().Single(store => ((CloudResource)store).Name.Value == fixedName).Key).Key;
        Assert.Equal(KeyManager.Customer, key.Manager.Value);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(afterInventory, "kms-key-rotation-enabled")[key.Name.Value]);
        var passing = after.Where(f => f.Status == ResultStatus.Pass).Select(f => (f.Rule.Id, f.Resource.Id)).ToHashSet();
        Assert.Empty(before.Where(f => f.Status == ResultStatus.Pass && !passing.Contains((f.Rule.Id, f.Resource.Id))).Select(f => $"{f.Rule.Id} {f.Resource.Id}"));
    }
}
