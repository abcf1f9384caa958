using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Tests.Support;
using Kagi.Testing;

namespace Kagi.Terraform.Tests;

/// <summary>
/// What a Neptune cluster takes from the resources around it: a restored cluster its encryption from the snapshot (issue 16
/// item 5), and the Availability Zones from instances whose cluster may be unknown (item 8).
/// </summary>
public sealed class NeptuneJoinTests
{
    private const string UnencryptedSnapshot = """
        resource "aws_neptune_cluster" "source" {
          cluster_identifier = "source"
        }

        resource "aws_neptune_cluster_snapshot" "plain" {
          db_cluster_identifier          = aws_neptune_cluster.source.id
          db_cluster_snapshot_identifier = "plain"
        }
        """;

    private static Dictionary<string, NeptuneCluster> Clusters(string configuration)
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", configuration);
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);
        Assert.DoesNotContain(inventory.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return inventory.Resources.OfType<NeptuneCluster>().ToDictionary(c => c.Id);
    }

    [Theory]
    [InlineData("aws_neptune_cluster_snapshot.plain.id")]
    [InlineData("aws_neptune_cluster_snapshot.plain.db_cluster_snapshot_arn")]
    [InlineData("\"plain\"")]
    [InlineData("\"arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:plain\"")]
    public void A_cluster_restored_without_a_key_from_an_unencrypted_snapshot_is_unencrypted_whatever_storage_encrypted_says(string snapshot)
    {
        // Given a snapshot of an unencrypted cluster, and a cluster restored from it that asks for encryption
        var clusters = Clusters(UnencryptedSnapshot + $$"""

            resource "aws_neptune_cluster" "restored" {
              snapshot_identifier = {{snapshot}}
              storage_encrypted   = true
            }
            """);

        // Then the restored cluster is unencrypted, as AWS restores it
        Assert.False(clusters["aws_neptune_cluster.restored"].StorageEncrypted.Value);
        Assert.Equal(KeyLevel.None, clusters["aws_neptune_cluster.restored"].KeyLevel.Value);
    }

    [Fact]
    public void A_cluster_restored_from_a_snapshot_of_an_encrypted_cluster_has_that_clusters_key()
    {
        var clusters = Clusters("""
            resource "aws_kms_key" "graph" {}

            resource "aws_neptune_cluster" "source" {
              storage_encrypted = true
              kms_key_arn       = aws_kms_key.graph.arn
            }

            resource "aws_neptune_cluster_snapshot" "nightly" {
              db_cluster_identifier          = aws_neptune_cluster.source.id
              db_cluster_snapshot_identifier = "nightly"
            }

            resource "aws_neptune_cluster" "restored" {
              snapshot_identifier = aws_neptune_cluster_snapshot.nightly.id
            }
            """);

        var restored = clusters["aws_neptune_cluster.restored"];
        Assert.True(restored.StorageEncrypted.Value);
        Assert.Equal("aws_kms_key.graph", Assert.IsType<KeyReference.Described>(restored.Key).Key.Id);
        Assert.Equal(KeyLevel.Customer, restored.KeyLevel.Value);
    }

    [Fact]
    public void A_key_named_on_restore_encrypts_the_cluster_even_from_an_unencrypted_snapshot()
    {
        var clusters = Clusters(UnencryptedSnapshot + """

            resource "aws_kms_key" "graph" {}

            resource "aws_neptune_cluster" "restored" {
              snapshot_identifier = aws_neptune_cluster_snapshot.plain.id
              kms_key_arn         = aws_kms_key.graph.arn
            }
            """);

        var restored = clusters["aws_neptune_cluster.restored"];
        Assert.True(restored.StorageEncrypted.Value);
        Assert.Equal(KeyLevel.Customer, restored.KeyLevel.Value);
    }

    [Fact]
    public void A_cluster_restored_from_a_snapshot_outside_the_configuration_is_unknown_and_says_why()
    {
        var clusters = Clusters("""
            resource "aws_neptune_cluster" "restored" {
              snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:elsewhere"
              storage_encrypted   = true
            }
            """);

        var restored = clusters["aws_neptune_cluster.restored"];
        Assert.False(restored.StorageEncrypted.IsKnown);
        Assert.False(restored.KeyLevel.IsKnown);
        Assert.Contains("arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:elsewhere", restored.StorageEncrypted.Reason, StringComparison.Ordinal);
        Assert.Contains("a snapshot this configuration does not create", restored.KeyLevel.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_restores_from_the_snapshot_its_configuration_refers_to_and_from_a_literal_arn_it_cannot_judge()
    {
        // Given a plan (snapshot_identifier unknown, referring to a planned snapshot of an unencrypted cluster; and a literal ARN)
        var plan = Path.Combine(RepoPaths.Combine("tests", "Kagi.Terraform.Tests", "Plans"), "neptune-restore.plan.json");
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([plan]);
        var clusters = inventory.Resources.OfType<NeptuneCluster>().ToDictionary(c => c.Id);

        // Then the first is unencrypted as its snapshot, the second unknown
        Assert.Equal(KeyLevel.None, clusters["aws_neptune_cluster.fail_restored"].KeyLevel.Value);
        Assert.False(clusters["aws_neptune_cluster.unknown_restored_from_elsewhere"].StorageEncrypted.IsKnown);
        Assert.True(clusters["aws_neptune_cluster.source"].KeyLevel is { IsKnown: true, Value: KeyLevel.None });
    }

    [Fact]
    public void Instances_that_name_their_cluster_by_an_unknown_value_make_multi_az_unknown_and_the_reason_says_so()
    {
        // Given the reproduction: the instances name their cluster by an identifier known only after apply
        var clusters = Clusters("""
            resource "random_id" "suffix" {
              byte_length = 4
            }

            resource "aws_neptune_cluster" "graph" {
              cluster_identifier = "graph-${random_id.suffix.hex}"
            }

            resource "aws_neptune_cluster_instance" "writer" {
              cluster_identifier = "graph-${random_id.suffix.hex}"
              availability_zone  = "eu-west-1a"
            }

            resource "aws_neptune_cluster_instance" "reader" {
              cluster_identifier = "graph-${random_id.suffix.hex}"
              availability_zone  = "eu-west-1b"
            }
            """);

        // Then the verdict is unknown because of those instances, not because none was found
        var multiAz = clusters["aws_neptune_cluster.graph"].MultiAz;
        Assert.False(multiAz.IsKnown);
        Assert.StartsWith("aws_neptune_cluster_instance.writer, aws_neptune_cluster_instance.reader name their cluster by a value Kagi cannot know (", multiAz.Reason, StringComparison.Ordinal);
        Assert.Contains("random_id.suffix", multiAz.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_whose_instances_span_two_zones_is_multi_az_even_beside_an_instance_of_unknown_cluster()
    {
        var clusters = Clusters("""
            variable "other_cluster" {
              type = string
            }

            resource "aws_neptune_cluster" "graph" {
              cluster_identifier = "graph"
            }

            resource "aws_neptune_cluster_instance" "a" {
              cluster_identifier = aws_neptune_cluster.graph.id
              availability_zone  = "eu-west-1a"
            }

            resource "aws_neptune_cluster_instance" "b" {
              cluster_identifier = aws_neptune_cluster.graph.id
              availability_zone  = "eu-west-1b"
            }

            resource "aws_neptune_cluster_instance" "elsewhere" {
              cluster_identifier = var.other_cluster
            }
            """);

        Assert.True(clusters["aws_neptune_cluster.graph"].MultiAz.Value);
    }

    [Fact]
    public void A_cluster_carries_the_settings_and_instances_a_rebuild_recreates()
    {
        // Given a cluster with non-default settings and two instances of different classes in two zones
        var clusters = Clusters("""
            resource "aws_neptune_cluster" "graph" {
              cluster_identifier                   = "graph"
              engine_version                       = "1.3.2.1"
              neptune_subnet_group_name            = "graph-subnets"
              vpc_security_group_ids               = ["sg-1", "sg-2"]
              neptune_cluster_parameter_group_name = "graph-params"
              iam_roles                            = ["arn:aws:iam::111122223333:role/loader"]
              port                                 = 8183
              preferred_backup_window              = "03:00-04:00"
              preferred_maintenance_window         = "sun:05:00-sun:06:00"
              serverless_v2_scaling_configuration {
                min_capacity = 1
                max_capacity = 2.5
              }
            }

            resource "aws_neptune_cluster_instance" "writer" {
              identifier                   = "graph-1"
              cluster_identifier           = aws_neptune_cluster.graph.id
              instance_class               = "db.r5.xlarge"
              availability_zone            = "eu-west-1a"
              neptune_parameter_group_name = "graph-db-params"
            }

            resource "aws_neptune_cluster_instance" "reader" {
              identifier         = "graph-2"
              cluster_identifier = aws_neptune_cluster.graph.id
              instance_class     = "db.r5.large"
              availability_zone  = "eu-west-1b"
              promotion_tier     = 2
            }
            """);

        // Then the record holds each of them, unset ones as the provider's defaults
        var graph = clusters["aws_neptune_cluster.graph"];
        Assert.Equal("1.3.2.1", graph.EngineVersion.Value);
        Assert.Equal("graph-subnets", graph.SubnetGroup.Value);
        Assert.Equal(["sg-1", "sg-2"], graph.VpcSecurityGroupIds.Value);
        Assert.Equal("graph-params", graph.ClusterParameterGroup.Value);
        Assert.Equal(["arn:aws:iam::111122223333:role/loader"], graph.IamRoles.Value);
        Assert.Equal(8183, graph.Port.Value);
        Assert.Equal(("03:00-04:00", "sun:05:00-sun:06:00"), (graph.PreferredBackupWindow.Value, graph.PreferredMaintenanceWindow.Value));
        Assert.Equal(new ServerlessV2Scaling(1m, 2.5m), graph.ServerlessV2Scaling.Value);
        Assert.Equal(
            [new DbClusterMember("graph-1", "db.r5.xlarge", "eu-west-1a", 0, "graph-db-params"), new DbClusterMember("graph-2", "db.r5.large", "eu-west-1b", 2, null)],
            graph.Instances.Value.OrderBy(instance => instance.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Instances_that_name_their_cluster_by_an_unknown_value_leave_its_instances_unknown()
    {
        var clusters = Clusters("""
            resource "random_id" "suffix" {
              byte_length = 4
            }

            resource "aws_neptune_cluster" "graph" {
              cluster_identifier = "graph"
            }

            resource "aws_neptune_cluster_instance" "somewhere" {
              cluster_identifier = "graph-${random_id.suffix.hex}"
              instance_class     = "db.r5.large"
            }
            """);

        var instances = clusters["aws_neptune_cluster.graph"].Instances;
        Assert.False(instances.IsKnown);
        Assert.StartsWith("aws_neptune_cluster_instance.somewhere name their cluster by a value Kagi cannot know (", instances.Reason, StringComparison.Ordinal);
    }
}
