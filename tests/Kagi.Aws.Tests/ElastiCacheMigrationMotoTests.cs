using System.Text.Json;
using System.Text.Json.Nodes;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

namespace Kagi.Aws.Tests;

/// <summary>
/// Issue 17: the printed rebuild of an ElastiCache replication group carries everything across. In moto, a Redis OSS group
/// with non-default settings (engine version, node type, three nodes in three zones, Multi-AZ with automatic failover,
/// subnet group, security group, parameter group, port, encryption in transit with an AUTH token, 14 days of backups and
/// their window, maintenance window, slow-log delivery, minor version upgrades off), on ElastiCache's own key ("managed")
/// or unencrypted ("plain"), and a sharded one (cluster mode enabled: two shards with their own slots, replica counts and
/// zones; RBAC user groups, data tiering, dual stack with IPv6 discovery) are scanned; the failing finding's AWS CLI script runs exactly as printed (only the endpoint and the AUTH
/// token come from the environment), and the rescan must show the new group passing the rule under a customer-managed
/// key, every rule that passed for the old group passing for the new one, and moto's record of the new group holding
/// every setting the old one had; no backup is left but under the CMK.
/// </summary>
/// <remarks>
/// What moto cannot do, and so is not run or not compared: it keeps a deleted group "deleting" for ever, so the script's
/// wait for the deletion could not end — the old group's deletion is left unconfirmed, and that section is not run; it
/// creates no node clusters for a group (the setup adds the primary's, as AWS lists it) and its DescribeCacheClusters
/// leaves out the security groups and parameter group, so those two are not read from moto and not compared (the fake
/// answers them); its tagging API files replication groups under another resource type than AWS's, so the scan reads no
/// tags from it; it ignores NumCacheClusters, making one node, so the node count and zones are checked in the printed
/// command instead; and its DescribeCacheClusters leaves out the notification topic, so that one is not read from moto either.
/// </remarks>
public sealed class ElastiCacheMigrationMotoTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string CmkRule = "elasticache-replication-group-cmk-encryption";
    private const string StorageRule = "elasticache-replication-group-storage-encrypted";
    private const string AuthToken = "orders-auth-token-0123456789";

    private const string Setup = """
        ec = boto3.client("elasticache"); ec2 = boto3.client("ec2")
        vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        subnet = ec2.describe_subnets()["Subnets"][0]["SubnetId"]
        group_id = ec2.create_security_group(GroupName="orders-cache", Description="orders cache clients", VpcId=vpc)["GroupId"]
        ec.create_cache_subnet_group(CacheSubnetGroupName="orders-subnets", CacheSubnetGroupDescription="orders", SubnetIds=[subnet])
        node = dict(Engine="redis", EngineVersion="7.1", CacheNodeType="cache.r6g.large", CacheSubnetGroupName="orders-subnets",
                    SecurityGroupIds=[group_id], CacheParameterGroupName="orders-params", PreferredMaintenanceWindow="sun:05:00-sun:06:00")
        def group(name, **encryption):
            ec.create_replication_group(
                ReplicationGroupId=name, ReplicationGroupDescription="orders sessions", ReplicasPerNodeGroup=2,
                PreferredCacheClusterAZs=["eu-west-1a", "eu-west-1b", "eu-west-1c"], MultiAZEnabled=True, AutomaticFailoverEnabled=True,
                Port=6380, TransitEncryptionEnabled=True, AuthToken="orders-auth-token-0123456789", SnapshotRetentionLimit=14,
                SnapshotWindow="02:00-03:00", AutoMinorVersionUpgrade=False, Tags=[{"Key": "team", "Value": "orders"}],
                LogDeliveryConfigurations=[{"LogType": "slow-log", "DestinationType": "cloudwatch-logs",
                    "DestinationDetails": {"CloudWatchLogsDetails": {"LogGroup": "orders-slow-log"}}, "LogFormat": "json", "Enabled": True}],
                **node, **encryption)
            # moto makes no node clusters for a group: the primary as AWS lists it, holding what the group's listing leaves to its nodes
            ec.create_cache_cluster(CacheClusterId=name + "-001", ReplicationGroupId=name, **node)
        group("managed", AtRestEncryptionEnabled=True)
        group("plain", AtRestEncryptionEnabled=False)
        # Cluster mode enabled: two shards of their own slots, replicas and zones, RBAC user groups instead of a token, data tiering, dual stack
        tiered = dict(node, CacheNodeType="cache.r6gd.xlarge")
        ec.create_replication_group(
            ReplicationGroupId="sharded", ReplicationGroupDescription="orders carts", ClusterMode="enabled", NumNodeGroups=2,
            NodeGroupConfiguration=[
                {"NodeGroupId": "0001", "Slots": "0-8191", "ReplicaCount": 1, "PrimaryAvailabilityZone": "eu-west-1a", "ReplicaAvailabilityZones": ["eu-west-1b"]},
                {"NodeGroupId": "0002", "Slots": "8192-16383", "ReplicaCount": 2, "PrimaryAvailabilityZone": "eu-west-1c", "ReplicaAvailabilityZones": ["eu-west-1a", "eu-west-1b"]}],
            MultiAZEnabled=True, AutomaticFailoverEnabled=True, TransitEncryptionEnabled=True, UserGroupIds=["orders-users"], AutoMinorVersionUpgrade=False,
            DataTieringEnabled=True, NetworkType="dual_stack", IpDiscovery="ipv6", AtRestEncryptionEnabled=True, Tags=[{"Key": "team", "Value": "orders"}], **tiered)
        ec.create_cache_cluster(CacheClusterId="sharded-0001-001", ReplicationGroupId="sharded", **tiered)
        """;

    [Theory]
    [InlineData("managed", CmkRule, null)]
    [InlineData("plain", CmkRule, CmkEncryptionRule<ElastiCacheReplicationGroup>.UnencryptedVariant)]
    public void The_printed_rebuild_carries_every_setting_and_breaks_no_rule_that_passed(string name, string ruleId, string? variant)
    {
        // Given the group, which the rule fails, when its printed script runs with the group's AUTH token
        var fix = PrintedRebuild.RunWith(Endpoint, Region, ruleId, resource => resource.Name is { IsKnown: true } known && known.Value == name, variant, new Dictionary<string, string> { ["AUTH_TOKEN"] = AuthToken });

        // with the non-default settings the scan read
        var old = (ElastiCacheReplicationGroup)fix.Finding.Resource;
        Assert.Equal(("7.1", "cache.r6g.large", 3, 6380, 14), (old.EngineVersion.Value, old.NodeType.Value, old.NumCacheClusters.Value, old.Port.Value, old.SnapshotRetentionLimit.Value));
        Assert.Equal((true, true, true, true, "orders-subnets"), (old.MultiAz.Value, old.AutomaticFailover.Value, old.TransitEncryption.Value, old.AuthTokenEnabled.Value, old.SubnetGroup.Value));

        // Then the new group passes the CMK rule under a customer-managed key, and every rule that passed for the old one
        var replacement = fix.After.Resources.OfType<ElastiCacheReplicationGroup>().Single(group => group.Name.Value == $"{name}-cmk");
        fix.AssertReplacementPassesWhatTheOldPassed(replacement, CmkRule);
        Assert.Equal(ResultStatus.Pass, fix.AfterFindings.Single(f => f.Rule.Id == StorageRule && f.Resource.Id == replacement.Id).Status);

        // and moto's record of it holds every setting the old group has, but its key
        var stored = StoredGroups();
        Assert.Equal(Settings(stored[name]), Settings(stored[$"{name}-cmk"]));
        Assert.Equal(replacement.KmsKeyId.Value, stored[$"{name}-cmk"]["kms_key_id"]!.GetValue<string>());

        // and the nodes moto does not make are asked for in the printed command, in the old group's zones
        Assert.Contains("--num-cache-clusters 3 \\\n  --preferred-cache-cluster-azs eu-west-1a eu-west-1b eu-west-1c", fix.Cli, StringComparison.Ordinal);

        // and the temporary backup is gone: none of the old group is left
        var backups = ExternalProcess.RunPythonRows(
            """
            import boto3
            for s in boto3.client("elasticache").describe_snapshots()["Snapshots"]:
                print(s["SnapshotName"], s.get("KmsKeyId", "none"))
            """,
            Endpoint,
            Region).Where(fields => fields[0].StartsWith(name + "-", StringComparison.Ordinal)).ToList();
        Assert.Empty(backups);
    }

    [Fact]
    public void A_sharded_group_is_rebuilt_with_the_same_shards_and_every_setting()
    {
        // Given the sharded group on ElastiCache's own key, which the rule fails, when its printed script runs as printed
        var fix = PrintedRebuild.RunWith(Endpoint, Region, CmkRule, resource => resource.Name is { IsKnown: true } known && known.Value == "sharded", null, new Dictionary<string, string>());

        // with its two shards, their slots, replicas and zones as the scan read them, and its other non-default settings
        var old = (ElastiCacheReplicationGroup)fix.Finding.Resource;
        Assert.Equal(
            ["0001 0-8191 1 eu-west-1a eu-west-1b", "0002 8192-16383 2 eu-west-1c eu-west-1a eu-west-1b"],
            old.NodeGroups.Value.Select(shard => string.Join(' ', [shard.NodeGroupId, shard.Slots, $"{shard.ReplicaCount}", shard.PrimaryAvailabilityZone, .. shard.ReplicaAvailabilityZones])));
        Assert.Equal((2, 0, "enabled", false, true), (old.NumNodeGroups.Value, old.ReplicasPerNodeGroup.Value, old.ClusterMode.Value, old.AutoMinorVersionUpgrade.Value, old.DataTiering.Value));
        Assert.Equal(["orders-users"], old.UserGroupIds.Value);
        Assert.Equal(("dual_stack", "ipv6"), (old.NetworkType.Value, old.IpDiscovery.Value));

        // Then the new group passes the CMK rule under a customer-managed key, and every rule that passed for the old one
        var replacement = fix.After.Resources.OfType<ElastiCacheReplicationGroup>().Single(group => group.Name.Value == "sharded-cmk");
        fix.AssertReplacementPassesWhatTheOldPassed(replacement, CmkRule);

        // and moto's record of it holds every setting the old group has, and the same shards: each one's ID, slots and nodes' zones, primary first
        var stored = StoredGroups();
        Assert.Equal(Settings(stored["sharded"]), Settings(stored["sharded-cmk"]));
        Assert.Equal(["0001 0-8191 eu-west-1a eu-west-1b", "0002 8192-16383 eu-west-1c eu-west-1a eu-west-1b"], Shards(stored["sharded-cmk"]));
        Assert.Equal(Shards(stored["sharded"]), Shards(stored["sharded-cmk"]));
    }

    // Each shard of a group as moto stores it: its ID, slots and the zone of each node, primary first.
    private static string[] Shards(JsonObject group) =>
        [.. group["node_groups"]!.AsArray().Select(shard => string.Join(' ', new[] { shard!["node_group_id"]!.GetValue<string>(), shard["slots"]!.GetValue<string>() }
            .Concat(shard["node_group_members"]!.AsArray().Select(member => member!["preferred_availability_zone"]!.GetValue<string>()))))];

    // Every replication group moto holds, by ID, as it stores it (its API leaves out most of what a group was created with).
    private Dictionary<string, JsonObject> StoredGroups()
    {
        var lines = ExternalProcess.RunPython(
            $$"""
            import json, urllib.request
            for group in json.load(urllib.request.urlopen("{{Endpoint}}moto-api/data.json"))["elasticache"]["ReplicationGroup"]:
                print(json.dumps(group, default=str))
            """,
            Endpoint,
            Region).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Select(line => JsonNode.Parse(line)!.AsObject()).ToDictionary(group => group["replication_group_id"]!.GetValue<string>());
    }

    // What the rebuild carries, as moto stores it: not the security groups or parameter group, which moto's DescribeCacheClusters
    // leaves out, nor the tags, which moto's tagging API files under another resource type (elasticache:replication-group).
    private static string Settings(JsonObject group) => JsonSerializer.Serialize(new[]
    {
        "description", "engine", "engine_version", "cache_node_type", "cluster_mode", "multi_az", "automatic_failover", "cache_subnet_group_name",
        "port", "transit_encryption_enabled", "auth_token_enabled", "snapshot_retention_limit", "snapshot_window", "preferred_maintenance_window",
        "log_delivery_configurations", "data_tiering", "network_type", "ip_discovery", "auto_minor_version_upgrade", "user_group_ids",
    }.Select(field => $"{field}={group[field]?.ToJsonString()}"));
}
