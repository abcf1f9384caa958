using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws;
using Kagi.Rules.Aws.DocDb.Clusters;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

/// <summary>A DocumentDB cluster declared in Terraform carries what its rebuild needs: its settings, and its instances declared apart.</summary>
public sealed class DocDbClusterJoinTests
{
    private const string Configuration = """
        resource "aws_docdb_cluster" "docs" {
          cluster_identifier              = "docs"
          engine_version                  = "5.0.0"
          db_subnet_group_name            = "docs-subnets"
          vpc_security_group_ids          = ["sg-1", "sg-2"]
          db_cluster_parameter_group_name = "docs-params"
          backup_retention_period         = 14
          enabled_cloudwatch_logs_exports = ["audit", "profiler"]
          deletion_protection             = true
          storage_encrypted               = true
        }

        resource "aws_docdb_cluster_instance" "writer" {
          identifier         = "docs-1"
          cluster_identifier = aws_docdb_cluster.docs.id
          instance_class     = "db.r6g.xlarge"
          availability_zone  = "eu-west-1a"
        }

        resource "aws_docdb_cluster_instance" "reader" {
          identifier         = "docs-2"
          cluster_identifier = aws_docdb_cluster.docs.id
          instance_class     = "db.r6g.large"
          availability_zone  = "eu-west-1b"
          promotion_tier     = 1
        }
        """;

    [Fact]
    public void A_cluster_carries_its_settings_and_the_instances_that_name_it()
    {
        var docs = Cluster();

        Assert.Equal("docdb", docs.Engine.Value);
        Assert.Equal("5.0.0", docs.EngineVersion.Value);
        Assert.Equal("docs-subnets", docs.SubnetGroup.Value);
        Assert.Equal(["sg-1", "sg-2"], docs.VpcSecurityGroupIds.Value);
        Assert.Equal("docs-params", docs.ClusterParameterGroup.Value);
        Assert.Equal(14, docs.BackupRetentionPeriod.Value);
        Assert.Equal(["audit", "profiler"], docs.EnabledCloudwatchLogsExports.Value);

        // The port left out is DocumentDB's, and the instances take no parameter group of their own
        Assert.Equal(27017, docs.Port.Value);
        Assert.True(docs.MultiAz.Value);
        Assert.Equal(
            [new DbClusterMember("docs-1", "db.r6g.xlarge", "eu-west-1a", 0, null), new DbClusterMember("docs-2", "db.r6g.large", "eu-west-1b", 1, null)],
            docs.Instances.Value.OrderBy(instance => instance.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void The_printed_migration_creates_each_instance_and_names_no_setting_documentdb_lacks()
    {
        var finding = Assert.Single(RuleEngine.Run(new Inventory([Cluster()], []), [RuleCatalog.Find("docdb-cluster-cmk-encryption")!], ScanOptions.Default));
        var text = FindingText.Render(finding, Language.En);
        var cli = text.FixIn(RemediationMedium.AwsCli);
        var terraform = text.FixIn(RemediationMedium.Terraform);

        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Contains("--db-instance-class db.r6g.xlarge", cli, StringComparison.Ordinal);
        Assert.Contains("--db-instance-class db.r6g.large", cli, StringComparison.Ordinal);
        Assert.Contains("--port 27017", cli, StringComparison.Ordinal);
        Assert.DoesNotContain("iam-database-authentication", cli, StringComparison.Ordinal);
        Assert.DoesNotContain("copy-tags-to-snapshot", cli, StringComparison.Ordinal);
        Assert.DoesNotContain("--db-parameter-group-name", cli, StringComparison.Ordinal);
        Assert.Contains("db_cluster_parameter_group_name = \"docs-params\"", terraform, StringComparison.Ordinal);
        Assert.DoesNotContain("iam_roles", terraform, StringComparison.Ordinal);
    }

    private static DocDbCluster Cluster()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", Configuration);
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);
        Assert.DoesNotContain(inventory.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return Assert.Single(inventory.Resources.OfType<DocDbCluster>());
    }
}
