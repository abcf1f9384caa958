using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Rules.Tests;

/// <summary>The fix shown for a finding is the fix for that resource, by name, safe to paste.</summary>
public sealed class RemediationTests
{
    [Fact]
    public void Terraform_fix_names_the_failing_resource_and_a_new_key_for_it()
    {
        // Given an encrypted cluster on the AWS-managed key
        var finding = Judge(Cluster("graph", "graph-prod", new KeyReference.ServiceDefault()));

        // When its fix is rendered
        var text = FindingText.Render(finding, Language.En);

        // Then the Terraform and CLI are filled with its own identifiers
        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Contains("resource \"aws_neptune_cluster\" \"graph\"", text.FixIn(RemediationMedium.Terraform), StringComparison.Ordinal);
        Assert.Contains("kms_key_arn       = aws_kms_key.graph_cmk.arn", text.FixIn(RemediationMedium.Terraform), StringComparison.Ordinal);
        Assert.Contains("\nOLD=graph-prod\n", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("\nREGION=ap-northeast-1\n", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("--source-db-cluster-identifier \"$OLD\"", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("restore-db-cluster-to-point-in-time", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text.FixIn(RemediationMedium.AwsCli) + text.FixIn(RemediationMedium.Console) + text.FixIn(RemediationMedium.Terraform), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unencrypted_cluster_is_migrated_through_a_snapshot()
    {
        var finding = Judge(Cluster("legacy", "legacy-graph", new KeyReference.ServiceDefault(), encrypted: false));

        var text = FindingText.Render(finding, Language.Ja);

        Assert.Contains("restore-db-cluster-from-snapshot", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("\nOLD=legacy-graph\n", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("--db-cluster-identifier \"$OLD\"", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("暗号化されていない", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("none", text.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_cluster_name_is_quoted_in_commands_and_escaped_in_terraform()
    {
        var finding = Judge(Cluster("x", "a;rm -rf ~ \"${x}\"", new KeyReference.ServiceDefault()));

        var text = FindingText.Render(finding, Language.En);

        Assert.Contains("\nOLD='a;rm -rf ~ \"${x}\"'\n", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("Neptune cluster a;rm -rf ~ \\\"$${x}\\\"", text.FixIn(RemediationMedium.Terraform), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_identifier_leaves_an_inert_capital_placeholder_named_in_a_comment()
    {
        var cluster = Cluster("generated", "unused", new KeyReference.ServiceDefault()) with { Name = Fact.Unknown<string>("generated"), Region = null };

        var text = FindingText.Render(Judge(cluster), Language.En);

        // "<region>" would be a shell redirection from a file named region; REGION is only a word
        Assert.StartsWith("# Replace NAME, REGION with this resource's value before running", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("\nOLD=NAME\n", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("\nREGION=REGION\n", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.DoesNotContain("<", text.FixIn(RemediationMedium.AwsCli).Replace("< policy.json", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_rebuild_carries_every_setting_the_scan_read_and_one_instance_per_old_instance()
    {
        // Given a cluster on the AWS-managed key with non-default settings and two instances
        var cluster = Cluster("graph", "graph", new KeyReference.ServiceDefault()) with
        {
            SubnetGroup = Fact.Known<string?>("graph-subnets"),
            VpcSecurityGroupIds = Fact.Known<IReadOnlyList<string>>(["sg-1", "sg-2"]),
            ClusterParameterGroup = Fact.Known<string?>("graph-params"),
            IamRoles = Fact.Known<IReadOnlyList<string>>(["arn:aws:iam::111122223333:role/loader"]),
            Port = Fact.Known(8183),
            BackupRetentionPeriod = Fact.Known(14),
            PreferredBackupWindow = Fact.Known<string?>("03:00-04:00"),
            EnabledCloudwatchLogsExports = Fact.Known<IReadOnlyList<string>>(["audit"]),
            IamDatabaseAuthentication = Fact.Known(true),
            DeletionProtection = Fact.Known(true),
            Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["team"] = "graph & co" }),
            Instances = Fact.Known<IReadOnlyList<DbClusterMember>>(
                [new("graph-1", "db.r5.xlarge", "ap-northeast-1a", 0, "graph-db-params"), new("graph-2", null, "ap-northeast-1c", 2, null)]),
        };

        // When its fix is rendered
        var cli = FindingText.Render(Judge(cluster), Language.En).FixIn(RemediationMedium.AwsCli);

        // Then the restore takes what a restore can, a modify and a role call set the rest, and each instance is recreated
        Assert.Contains("--db-subnet-group-name graph-subnets \\\n  --vpc-security-group-ids sg-1 sg-2", cli, StringComparison.Ordinal);
        Assert.Contains("--db-cluster-parameter-group-name graph-params \\\n  --port 8183 \\\n  --enable-iam-database-authentication", cli, StringComparison.Ordinal);
        Assert.Contains("--enable-cloudwatch-logs-exports audit \\\n  --deletion-protection", cli, StringComparison.Ordinal);
        Assert.Contains("--tags '[{\"Key\":\"team\",\"Value\":\"graph \\u0026 co\"}]'", cli, StringComparison.Ordinal);
        Assert.Contains("--backup-retention-period 14 \\\n  --preferred-backup-window 03:00-04:00", cli, StringComparison.Ordinal);
        Assert.Contains("aws neptune add-role-to-db-cluster --region \"$REGION\" \\\n  --db-cluster-identifier \"$NEW\" \\\n  --role-arn arn:aws:iam::111122223333:role/loader", cli, StringComparison.Ordinal);
        Assert.Contains("--db-instance-class db.r5.xlarge \\\n  --availability-zone ap-northeast-1a \\\n  --promotion-tier 0 \\\n  --db-parameter-group-name graph-db-params", cli, StringComparison.Ordinal);

        // and what was not read is said, never invented: the second instance's class, the maintenance window
        Assert.Contains("# The class of graph-2 was not read: replace DB_INSTANCE_CLASS before running.", cli, StringComparison.Ordinal);
        Assert.Contains("--db-instance-class DB_INSTANCE_CLASS \\\n  --availability-zone ap-northeast-1c \\\n  --promotion-tier 2", cli, StringComparison.Ordinal);
        Assert.Contains("--preferred-maintenance-window", cli.Split('\n')[4], StringComparison.Ordinal);
        Assert.StartsWith("# Not read by the scan", cli.Split('\n')[4], StringComparison.Ordinal);
        Assert.DoesNotContain("db.r6g.large", cli, StringComparison.Ordinal);
        Assert.Equal(2, cli.Split("aws neptune create-db-instance").Length - 1);
    }

    [Fact]
    public void Instances_that_were_not_read_are_named_in_a_comment_and_none_is_created()
    {
        var cluster = Cluster("graph", "graph", new KeyReference.ServiceDefault()) with { Instances = Fact.Unknown<IReadOnlyList<DbClusterMember>>("access denied") };

        var text = FindingText.Render(Judge(cluster), Language.Ja);

        Assert.Contains("# 旧クラスターのインスタンスを読み取れませんでした (access denied)", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.DoesNotContain("create-db-instance", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
    }

    [Fact]
    public void The_terraform_fix_keeps_the_arguments_kagi_read_beside_the_new_key()
    {
        var cluster = Cluster("graph", "graph", new KeyReference.ServiceDefault()) with
        {
            ClusterParameterGroup = Fact.Known<string?>("graph-params"),
            VpcSecurityGroupIds = Fact.Known<IReadOnlyList<string>>(["sg-1"]),
            BackupRetentionPeriod = Fact.Known(14),
        };

        var terraform = FindingText.Render(Judge(cluster), Language.En).FixIn(RemediationMedium.Terraform);

        Assert.Contains("  vpc_security_group_ids               = [\"sg-1\"]\n", terraform, StringComparison.Ordinal);
        Assert.Contains("  neptune_cluster_parameter_group_name = \"graph-params\"\n", terraform, StringComparison.Ordinal);
        Assert.Contains("  backup_retention_period              = 14\n", terraform, StringComparison.Ordinal);
        Assert.Contains("prevent_destroy = true", terraform, StringComparison.Ordinal);
        Assert.Contains("terraform state rm 'aws_neptune_cluster.graph'", terraform, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyLevel.Customer, false, ResultStatus.Pass)]
    [InlineData(KeyLevel.Hsm, false, ResultStatus.Fail)]
    [InlineData(KeyLevel.Hsm, true, ResultStatus.Pass)]
    public void The_minimum_key_level_sets_the_bar(KeyLevel minimum, bool inCustomKeyStore, ResultStatus expected)
    {
        var key = new KmsKey
        {
            Id = "aws_kms_key.k",
            Name = Fact.Known("k"),
            Arn = Fact.Unknown<string>("computed"),
            Manager = Fact.Known(KeyManager.Customer),
            InCustomKeyStore = Fact.Known(inCustomKeyStore),
        };

        var finding = Judge(Cluster("c", "c", new KeyReference.Described(key)), new ScanOptions { MinKeyLevel = minimum });

        Assert.Equal(expected, finding.Status);
    }

    private static NeptuneCluster Cluster(string tfName, string identifier, KeyReference key, bool encrypted = true) => new()
    {
        Id = $"aws_neptune_cluster.{tfName}",
        Name = Fact.Known(identifier),
        Region = "ap-northeast-1",
        Location = new SourceLocation("main.tf", 1),
        Declaration = new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", tfName),
        StorageEncrypted = Fact.Known(encrypted),
        KmsKeyId = Fact.Known<string?>(null),
        Key = key,
    };

    private static Finding Judge(NeptuneCluster cluster, ScanOptions? options = null)
    {
        var inventory = new Inventory([cluster], []);
        var selected = (options ?? ScanOptions.Default) with { Rules = new HashSet<string> { "neptune-cluster-cmk-encryption" } };
        return Assert.Single(RuleEngine.Run(inventory, RuleCatalog.All, selected));
    }
}
