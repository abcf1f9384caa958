using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

/// <summary>A replication group declared in Terraform carries what its rebuild needs, its log deliveries (blocks) included.</summary>
public sealed class ElastiCacheReplicationGroupMappingTests
{
    private const string Configuration = """
        resource "aws_elasticache_replication_group" "carts" {
          replication_group_id       = "carts"
          description                = "orders carts"
          engine                     = "valkey"
          node_type                  = "cache.r6g.large"
          num_node_groups            = 2
          replicas_per_node_group    = 1
          auto_minor_version_upgrade = "false"
          at_rest_encryption_enabled = true

          log_delivery_configuration {
            destination      = "carts-slow-log"
            destination_type = "cloudwatch-logs"
            log_format       = "json"
            log_type         = "slow-log"
          }

          log_delivery_configuration {
            destination      = "carts-engine-log"
            destination_type = "kinesis-firehose"
            log_format       = "text"
            log_type         = "engine-log"
          }
        }
        """;

    [Fact]
    public void A_group_carries_its_log_deliveries_and_its_minor_version_upgrades_and_leaves_its_shards_layout_to_aws()
    {
        var group = Group();

        Assert.Equal(
            [new ElastiCacheLogDelivery("slow-log", "cloudwatch-logs", "carts-slow-log", "json"), new ElastiCacheLogDelivery("engine-log", "kinesis-firehose", "carts-engine-log", "text")],
            group.LogDelivery.Value);
        Assert.Equal(Fact.Known(false), group.AutoMinorVersionUpgrade);
        Assert.Equal((2, 1), (group.NumNodeGroups.Value, group.ReplicasPerNodeGroup.Value));

        // The provider has no argument for a shard's slots or zones: none is configured, AWS lays them out
        Assert.Empty(group.NodeGroups.Value);
    }

    [Fact]
    public void The_printed_rebuild_delivers_both_logs_and_keeps_minor_version_upgrades_off()
    {
        var finding = Assert.Single(RuleEngine.Run(new Inventory([Group()], []), [RuleCatalog.Find("elasticache-replication-group-cmk-encryption")!], ScanOptions.Default));
        var text = FindingText.Render(finding, Language.En);
        var cli = text.FixIn(RemediationMedium.AwsCli);

        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Contains("\"LogGroup\":\"carts-slow-log\"", cli, StringComparison.Ordinal);
        Assert.Contains("\"DeliveryStream\":\"carts-engine-log\"", cli, StringComparison.Ordinal);
        Assert.Contains("--no-auto-minor-version-upgrade", cli, StringComparison.Ordinal);
        Assert.Contains("--num-node-groups 2", cli, StringComparison.Ordinal);
        Assert.DoesNotContain("--node-group-configuration", cli, StringComparison.Ordinal);
        Assert.Contains(
            "auto_minor_version_upgrade = false",
            text.FixIn(RemediationMedium.Terraform).Split('\n').Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
    }

    private static ElastiCacheReplicationGroup Group()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", Configuration);
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);
        Assert.DoesNotContain(inventory.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return Assert.Single(inventory.Resources.OfType<ElastiCacheReplicationGroup>());
    }
}
