using System.Text.Json;
using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// A DocumentDB cluster's migration to a CMK carries every setting the scan read. moto 5.2.1 cannot run it: its
/// CreateDBCluster refuses the engine <c>docdb</c> (not in its engine enum), so no DocumentDB cluster exists there to
/// migrate. Instead the fake answers DocumentDB's Describe calls with a setting of its own wherever the kind has one
/// (<see cref="Scenarios.DocDbToRebuild"/>), and the printed script is run by bash with <c>aws</c> recorded: each call
/// gets the settings it takes, and takes only options the AWS CLI's DocumentDB model has.
/// </summary>
public sealed class DocDbMigrationFakeTests(FakeAccountScan scan) : IClassFixture<FakeAccountScan>
{
    private const string Cluster = "fail_docdb_aws_managed";

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ja)]
    public void The_printed_script_restores_with_every_setting_and_recreates_each_instance(Language language)
    {
        // Given the cluster on aws/rds that the CMK rule fails, when its printed CLI fix runs with aws recorded
        var calls = Run(Fix(RemediationMedium.AwsCli, language));

        // Then the restore takes the network, port, logs, protection, capacity and tags, under the new key
        var restore = Assert.Single(calls, call => call.Is("docdb", "restore-db-cluster-to-point-in-time"));
        Assert.Equal(Cluster, restore.Option("--source-db-cluster-identifier"));
        Assert.Equal($"{Cluster}-cmk", restore.Option("--db-cluster-identifier"));
        Assert.Equal("docs-subnets", restore.Option("--db-subnet-group-name"));
        Assert.Equal(["sg-0docdb1", "sg-0docdb2"], restore.Options("--vpc-security-group-ids"));
        Assert.Equal("27018", restore.Option("--port"));
        Assert.Equal(["audit", "profiler"], restore.Options("--enable-cloudwatch-logs-exports"));
        Assert.Contains("--deletion-protection", restore.Arguments);
        Assert.Equal("MinCapacity=2,MaxCapacity=16.5", restore.Option("--serverless-v2-scaling-configuration"));
        Assert.Equal(
            ["cost-center=42", "team=search"],
            JsonDocument.Parse(restore.Option("--tags")!).RootElement.EnumerateArray().Select(tag => $"{tag.GetProperty("Key")}={tag.GetProperty("Value")}").Order(StringComparer.Ordinal));
        Assert.NotNull(restore.Option("--kms-key-id"));

        // and what a point-in-time restore does not take, the modify sets: the parameter group, backups, windows
        var modify = Assert.Single(calls, call => call.Is("docdb", "modify-db-cluster") && call.Option("--db-cluster-identifier") == $"{Cluster}-cmk");
        Assert.Equal("docs-tls-params", modify.Option("--db-cluster-parameter-group-name"));
        Assert.Equal("14", modify.Option("--backup-retention-period"));
        Assert.Equal("03:00-04:00", modify.Option("--preferred-backup-window"));
        Assert.Equal("sun:05:00-sun:06:00", modify.Option("--preferred-maintenance-window"));

        // and one instance per old instance, the writer first, each with its class, zone and promotion tier
        var instances = calls.Where(call => call.Is("docdb", "create-db-instance")).ToList();
        Assert.Equal(
            [("db.r6g.xlarge", "eu-west-1a", "0"), ("db.r6g.large", "eu-west-1b", "1")],
            instances.Select(call => (call.Option("--db-instance-class"), call.Option("--availability-zone"), call.Option("--promotion-tier"))));
        Assert.All(instances, call => Assert.Equal("docdb", call.Option("--engine")));

        // and nothing is sent that DocumentDB does not have, so the AWS CLI refuses no call
        Assert.DoesNotContain(calls, call => call.Is("docdb", "add-role-to-db-cluster"));
        Assert.Empty(RecordedAwsCall.UnknownOptions("docdb", calls));
    }

    [Fact]
    public void Deleting_the_old_cluster_needs_the_confirmation_and_keeps_a_final_snapshot()
    {
        var script = Fix(RemediationMedium.AwsCli, Language.En);

        Assert.DoesNotContain(Run(script), call => call.Is("docdb", "delete-db-cluster"));
        var delete = Assert.Single(Run(script, confirmDelete: true), call => call.Is("docdb", "delete-db-cluster"));
        Assert.Equal(Cluster, delete.Option("--db-cluster-identifier"));
        Assert.Equal($"{Cluster}-final", delete.Option("--final-db-snapshot-identifier"));
    }

    [Fact]
    public void The_terraform_block_keeps_every_argument_read_and_says_how_to_move_the_state()
    {
        var terraform = Fix(RemediationMedium.Terraform, Language.En);

        string[] arguments =
        [
            "engine_version = \"5.0.0\"",
            "db_subnet_group_name = \"docs-subnets\"",
            "vpc_security_group_ids = [\"sg-0docdb1\", \"sg-0docdb2\"]",
            "db_cluster_parameter_group_name = \"docs-tls-params\"",
            "port = 27018",
            "backup_retention_period = 14",
            "preferred_backup_window = \"03:00-04:00\"",
            "preferred_maintenance_window = \"sun:05:00-sun:06:00\"",
            "enabled_cloudwatch_logs_exports = [\"audit\", \"profiler\"]",
            "deletion_protection = true",
            "min_capacity = 2",
            "max_capacity = 16.5",
        ];
        var lines = terraform.Split('\n').Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToHashSet(StringComparer.Ordinal);
        Assert.All(arguments, argument => Assert.Contains(argument, lines));
        Assert.Single(lines, line => line.StartsWith("tags = {", StringComparison.Ordinal) && line.Contains("\"team\" = \"search\"", StringComparison.Ordinal) && line.Contains("\"cost-center\" = \"42\"", StringComparison.Ordinal));
        Assert.Contains("resource \"aws_docdb_cluster\"", terraform, StringComparison.Ordinal);
        Assert.Contains("terraform state rm", terraform, StringComparison.Ordinal);
        Assert.Contains("aws_docdb_cluster_instance", terraform, StringComparison.Ordinal);

        // The provider's aws_docdb_cluster has none of these: a block with them would not plan
        Assert.DoesNotContain("iam_roles", terraform, StringComparison.Ordinal);
        Assert.DoesNotContain("iam_database_authentication_enabled", terraform, StringComparison.Ordinal);
        Assert.DoesNotContain("copy_tags_to_snapshot", terraform, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.En, "instance docs-writer: class db.r6g.xlarge, Availability Zone eu-west-1a, promotion tier 0")]
    [InlineData(Language.Ja, "インスタンス docs-reader: クラス db.r6g.large、アベイラビリティーゾーン eu-west-1b、フェイルオーバー優先度 1")]
    public void The_console_steps_list_every_setting_and_instance(Language language, string instance)
    {
        var console = Fix(RemediationMedium.Console, language);

        Assert.Contains(instance, console, StringComparison.Ordinal);
        Assert.All(["docs-subnets", "sg-0docdb1, sg-0docdb2", "docs-tls-params", "27018", "14", "audit, profiler", "2-16.5", "team=search"], value => Assert.Contains(value, console, StringComparison.Ordinal));
    }

    private string Fix(RemediationMedium medium, Language language)
    {
        var finding = Scans.Judge(scan.Result.Inventory).Single(f => f.Rule.Id == "docdb-cluster-cmk-encryption" && f.Resource.Region == Scenarios.Verdicts && f.Resource.Name is { IsKnown: true, Value: Cluster });
        Assert.Equal(ResultStatus.Fail, finding.Status);
        return FindingText.Render(finding, language).FixIn(medium);
    }

    private static List<RecordedAwsCall> Run(string script, bool confirmDelete = false) =>
        RecordedAwsCall.Run(script, new Dictionary<string, string> { ["CONFIRM_DELETE_OLD_CLUSTER"] = confirmDelete ? "yes" : string.Empty });
}
