using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws;
using Kagi.Rules.Aws.Ebs.Volumes;
using Kagi.Rules.Aws.Efs.FileSystems;
using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;
using Kagi.Rules.Aws.OpenSearch.Domains;
using Kagi.Rules.Aws.Rds.Clusters;
using Kagi.Rules.Aws.Rds.Instances;
using Kagi.Rules.Aws.Redshift.Clusters;

namespace Kagi.CloudFormation.Tests;

/// <summary>
/// What the mappers of the kinds a rebuild re-encrypts (RDS, DocumentDB, Redshift, ElastiCache, OpenSearch, EFS, EBS) do
/// beyond reading a property: the defaults their services apply, what they take from resources declared apart, and the
/// settings a rebuild carries. The fixtures judge each rule; these pin the records.
/// </summary>
public sealed class RebuildKindsMappingTests
{
    private static Dictionary<string, CloudResource> Scanned(string template)
    {
        var scan = Templates.Scan(template);
        Assert.Empty(scan.Inventory.Diagnostics);
        return scan.Inventory.Resources.ToDictionary(resource => resource.Declaration!.Name);
    }

    [Fact]
    public void An_aurora_cluster_gets_its_instances_by_ref_and_by_identifier_and_its_engines_port()
    {
        var resources = Scanned("""
            Resources:
              Orders:
                Type: AWS::RDS::DBCluster
                Properties:
                  DBClusterIdentifier: orders
                  Engine: aurora-postgresql
                  AssociatedRoles:
                    - RoleArn: arn:aws:iam::111122223333:role/s3-import
                      FeatureName: s3Import
                  ServerlessV2ScalingConfiguration:
                    MinCapacity: 0.5
                    MaxCapacity: 8
              Writer:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBClusterIdentifier: !Ref Orders
                  DBInstanceIdentifier: orders-writer
                  DBInstanceClass: db.r6g.large
                  AvailabilityZone: eu-west-1a
                  PromotionTier: 0
              Reader:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBClusterIdentifier: orders
                  DBInstanceClass: db.r6g.large
                  AvailabilityZone: eu-west-1b
              Elsewhere:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBClusterIdentifier: billing
                  DBInstanceClass: db.r6g.large
            """);

        var cluster = (RdsCluster)resources["Orders"];

        Assert.Equal(
            [new DbClusterMember("orders-writer", "db.r6g.large", "eu-west-1a", 0, null), new DbClusterMember("Reader", "db.r6g.large", "eu-west-1b", null, null)],
            cluster.Instances.Value);
        Assert.Equal(Fact.Known(true), cluster.MultiAz);
        Assert.Equal(Fact.Known(5432), cluster.Port);
        Assert.Equal(Fact.Known<string?>("aurora-postgresql"), cluster.Engine);
        Assert.Equal(["arn:aws:iam::111122223333:role/s3-import"], cluster.IamRoles.Value);
        Assert.Equal(new ServerlessV2Scaling(0.5m, 8m), cluster.ServerlessV2Scaling.Value);
    }

    [Fact]
    public void A_cluster_whose_engine_is_a_parameter_has_no_known_port_and_one_without_instances_says_none_was_found()
    {
        var cluster = (RdsCluster)Scanned("""
            Parameters:
              Engine:
                Type: String
            Resources:
              Orders:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: !Ref Engine
            """)["Orders"];

        Assert.False(cluster.Port.IsKnown);
        Assert.Contains("Engine", cluster.Port.Reason, StringComparison.Ordinal);
        Assert.Contains("AWS::RDS::DBInstance", cluster.MultiAz.Reason, StringComparison.Ordinal);
        Assert.Empty(cluster.Instances.Value);
    }

    [Fact]
    public void An_instance_in_a_cluster_is_no_instance_record_but_a_member_of_its_cluster()
    {
        var resources = Scanned("""
            Resources:
              Orders:
                Type: AWS::RDS::DBCluster
                Properties:
                  Engine: aurora-mysql
              Member:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBClusterIdentifier: !Ref Orders
                  DBInstanceClass: db.r6g.large
              Stranger:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBClusterIdentifier: billing
                  DBInstanceClass: db.r6g.large
              Standalone:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: mysql
                  DBInstanceClass: db.t3.micro
                  AllocatedStorage: "20"
            """);

        // As from Terraform and a live account: AWS encrypts a member as its cluster, and a rebuild moves the whole cluster.
        Assert.Equal(["Orders", "Standalone"], resources.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Member", Assert.Single(((RdsCluster)resources["Orders"]).Instances.Value).Name);
    }

    [Fact]
    public void A_replica_takes_its_sources_encryption_and_a_restore_to_a_point_in_time_is_no_replica()
    {
        var resources = Scanned("""
            Resources:
              Primary:
                Type: AWS::RDS::DBInstance
                Properties:
                  Engine: postgres
                  DBInstanceClass: db.t3.micro
                  AllocatedStorage: "20"
                  StorageEncrypted: true
                  Port: "6432"
              Replica:
                Type: AWS::RDS::DBInstance
                Properties:
                  SourceDBInstanceIdentifier: !Ref Primary
                  DBInstanceClass: db.t3.micro
              Restored:
                Type: AWS::RDS::DBInstance
                Properties:
                  SourceDBInstanceIdentifier: !Ref Primary
                  UseLatestRestorableTime: true
                  DBInstanceClass: db.t3.micro
            """);

        var primary = (RdsInstance)resources["Primary"];
        var replica = (RdsInstance)resources["Replica"];
        var restored = (RdsInstance)resources["Restored"];

        Assert.Equal((Fact.Known(true), primary.Key), (replica.StorageEncrypted, replica.Key));
        Assert.False(restored.StorageEncrypted.IsKnown);
        Assert.Contains("restored", restored.StorageEncrypted.Reason, StringComparison.Ordinal);
        Assert.Equal(Fact.Known(6432), primary.Port);
        Assert.False(replica.Port.IsKnown);
    }

    [Fact]
    public void A_redshift_cluster_that_does_not_say_is_encrypted_under_the_service_key_and_one_restored_without_a_key_is_unknown()
    {
        var resources = Scanned("""
            Resources:
              Silent:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.large
                  DBName: analytics
                  MasterUsername: admin
              Restored:
                Type: AWS::Redshift::Cluster
                Properties:
                  ClusterType: single-node
                  NodeType: ra3.large
                  DBName: analytics
                  MasterUsername: admin
                  SnapshotIdentifier: nightly
            """);

        var silent = (RedshiftCluster)resources["Silent"];
        var restored = (RedshiftCluster)resources["Restored"];

        Assert.Equal(Fact.Known(KeyLevel.AwsManaged), KeyLevelClassifier.Classify(silent.StorageEncrypted, silent.Key));
        Assert.Contains("nightly", restored.StorageEncrypted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_replication_group_without_an_engine_is_unencrypted_and_one_without_a_key_is_on_the_service_owned_key()
    {
        var resources = Scanned("""
            Resources:
              Redis:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: sessions
              Valkey:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupDescription: sessions
                  Engine: valkey
                  TransitEncryptionEnabled: true
            """);

        Assert.Equal(Fact.Known(false), ((ElastiCacheReplicationGroup)resources["Redis"]).StorageEncrypted);
        var valkey = (ElastiCacheReplicationGroup)resources["Valkey"];
        Assert.Equal(Fact.Known(true), valkey.StorageEncrypted);
        Assert.IsType<KeyReference.AwsOwned>(valkey.Key);
        Assert.Contains("ReplicationGroupId", valkey.Name.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ja)]
    public void A_replication_groups_rebuild_settings_and_shards_are_read_so_its_fix_is_filled_in(Language language)
    {
        var group = (ElastiCacheReplicationGroup)Scanned("""
            Parameters:
              Token:
                Type: String
                NoEcho: true
            Resources:
              Carts:
                Type: AWS::ElastiCache::ReplicationGroup
                Properties:
                  ReplicationGroupId: carts
                  ReplicationGroupDescription: orders carts
                  Engine: valkey
                  EngineVersion: "8.0"
                  CacheNodeType: cache.r6gd.xlarge
                  ClusterMode: enabled
                  NumNodeGroups: 2
                  ReplicasPerNodeGroup: 1
                  NodeGroupConfiguration:
                    - NodeGroupId: "0001"
                      Slots: 0-8191
                      PrimaryAvailabilityZone: eu-west-1a
                      ReplicaAvailabilityZones: [eu-west-1b]
                    - NodeGroupId: "0002"
                      Slots: 8192-16383
                      ReplicaCount: 2
                      PrimaryAvailabilityZone: eu-west-1c
                      ReplicaAvailabilityZones: [eu-west-1a, eu-west-1b]
                  MultiAZEnabled: true
                  AutomaticFailoverEnabled: true
                  CacheSubnetGroupName: carts-subnets
                  SecurityGroupIds: [sg-0carts]
                  CacheParameterGroupName: carts-params
                  Port: 6380
                  TransitEncryptionEnabled: true
                  AuthToken: !Ref Token
                  UserGroupIds: [carts-users]
                  SnapshotRetentionLimit: 14
                  SnapshotWindow: 02:00-03:00
                  PreferredMaintenanceWindow: sun:05:00-sun:06:00
                  NotificationTopicArn: arn:aws:sns:eu-west-1:111122223333:carts
                  AutoMinorVersionUpgrade: false
                  DataTieringEnabled: true
                  NetworkType: dual_stack
                  IpDiscovery: ipv6
                  LogDeliveryConfigurations:
                    - LogType: slow-log
                      DestinationType: cloudwatch-logs
                      DestinationDetails:
                        CloudWatchLogsDetails:
                          LogGroup: carts-slow-log
                      LogFormat: json
                  Tags:
                    - Key: team
                      Value: orders
            """)["Carts"];

        // The settings read as from Terraform and a live account, each shard's too (its replicas defaulting to the group's)
        Assert.Equal(
            ["0001 0-8191 1 eu-west-1a eu-west-1b", "0002 8192-16383 2 eu-west-1c eu-west-1a eu-west-1b"],
            group.NodeGroups.Value.Select(shard => string.Join(' ', [shard.NodeGroupId, shard.Slots, $"{shard.ReplicaCount}", shard.PrimaryAvailabilityZone, .. shard.ReplicaAvailabilityZones])));
        Assert.Equal(new ElastiCacheLogDelivery("slow-log", "cloudwatch-logs", "carts-slow-log", "json"), Assert.Single(group.LogDelivery.Value));
        Assert.Equal((Fact.Known(false), Fact.Known(true), Fact.Known(6380)), (group.AutoMinorVersionUpgrade, group.DataTiering, group.Port));

        // A token from a parameter without a value may yet be empty: whether one is required is not known, and said so
        Assert.False(group.AuthTokenEnabled.IsKnown);

        // and the fix carries them: the shards' layout and every setting in the AWS CLI, each setting in the console
        var finding = Assert.Single(
            RuleEngine.Run(new Inventory([group], []), RuleCatalog.All, ScanOptions.Default with { Rules = new HashSet<string> { "elasticache-replication-group-cmk-encryption" } }));
        Assert.Equal(ResultStatus.Fail, finding.Status);
        var text = FindingText.Render(finding, language);
        var cli = text.FixIn(RemediationMedium.AwsCli);
        Assert.Contains(
            """--node-group-configuration '[{"NodeGroupId":"0001","Slots":"0-8191","ReplicaCount":1,"PrimaryAvailabilityZone":"eu-west-1a","ReplicaAvailabilityZones":["eu-west-1b"]},{"NodeGroupId":"0002","Slots":"8192-16383","ReplicaCount":2,"PrimaryAvailabilityZone":"eu-west-1c","ReplicaAvailabilityZones":["eu-west-1a","eu-west-1b"]}]'""",
            cli,
            StringComparison.Ordinal);
        Assert.All(
            ["--num-node-groups 2", "--replicas-per-node-group 1", "--cluster-mode enabled", "--engine-version 8.0", "--cache-subnet-group-name carts-subnets", "--security-group-ids sg-0carts",
                "--cache-parameter-group-name carts-params", "--user-group-ids carts-users", "--no-auto-minor-version-upgrade", "--data-tiering-enabled", "--network-type dual_stack",
                "--ip-discovery ipv6", "--notification-topic-arn arn:aws:sns:eu-west-1:111122223333:carts", "--preferred-maintenance-window sun:05:00-sun:06:00", "\"LogGroup\":\"carts-slow-log\""],
            option => Assert.Contains(option, cli, StringComparison.Ordinal));

        // only the AUTH token is left for the reader to set, by name
        var notRead = Texts.Get(language, "fixes.not-read", ("options", "--auth-token"));
        Assert.Contains(notRead, cli, StringComparison.Ordinal);
        var console = text.FixIn(RemediationMedium.Console);
        Assert.Contains("0002 8192-16383 2 eu-west-1c eu-west-1a eu-west-1b", console, StringComparison.Ordinal);
        Assert.Contains(notRead, console, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domains_key_is_read_inside_its_encryption_options_for_both_domain_types()
    {
        var resources = Scanned("""
            Parameters:
              Enabled:
                Type: String
            Resources:
              Key:
                Type: AWS::KMS::Key
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  EncryptionAtRestOptions:
                    Enabled: true
                    KmsKeyId: !GetAtt Key.Arn
              Legacy:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  DomainName: legacy
                  EncryptionAtRestOptions:
                    Enabled: !Ref Enabled
                    KmsKeyId: alias/aws/es
            """);

        var search = (OpenSearchDomain)resources["Search"];
        var legacy = (OpenSearchDomain)resources["Legacy"];

        Assert.Equal(resources["Key"].Id, Assert.IsType<KeyReference.Described>(search.Key).Key.Id);
        Assert.Equal("AWS::Elasticsearch::Domain.Legacy", legacy.Id);
        Assert.Equal(Fact.Known<string?>("alias/aws/es"), legacy.KmsKeyId);
        Assert.Contains("EncryptionAtRestOptions.Enabled", Assert.IsType<KeyReference.Undetermined>(legacy.Key).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domains_settings_are_read_as_create_domain_takes_them_for_both_domain_types()
    {
        var resources = Scanned("""
            Resources:
              Search:
                Type: AWS::OpenSearchService::Domain
                Properties:
                  EngineVersion: OpenSearch_2.11
                  ClusterConfig:
                    InstanceType: r6g.large.search
                    InstanceCount: 4
                    DedicatedMasterEnabled: true
                    ZoneAwarenessEnabled: true
                    ZoneAwarenessConfig:
                      AvailabilityZoneCount: 2
                  EBSOptions:
                    EBSEnabled: true
                    VolumeType: gp3
                    Iops: 4000
                  VPCOptions:
                    SubnetIds: [subnet-a, subnet-b]
                  AccessPolicies:
                    Version: "2012-10-17"
                    Statement: []
                  LogPublishingOptions:
                    INDEX_SLOW_LOGS:
                      CloudWatchLogsLogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:slow
                      Enabled: true
                  AdvancedOptions:
                    rest.action.multi.allow_explicit_index: "false"
              Legacy:
                Type: AWS::Elasticsearch::Domain
                Properties:
                  ElasticsearchVersion: "7.10"
                  ElasticsearchClusterConfig:
                    InstanceType: m5.large.elasticsearch
            """);

        var search = (OpenSearchDomain)resources["Search"];
        var legacy = (OpenSearchDomain)resources["Legacy"];

        Assert.Equal("OpenSearch_2.11", search.EngineVersion.Value);
        Assert.Equal("""{"InstanceType":"r6g.large.search","InstanceCount":4,"DedicatedMasterEnabled":true,"ZoneAwarenessEnabled":true,"ZoneAwarenessConfig":{"AvailabilityZoneCount":2}}""", search.ClusterConfig.Value);
        Assert.Equal("""{"EBSEnabled":true,"VolumeType":"gp3","Iops":4000}""", search.EbsOptions.Value);
        Assert.Equal("""{"SubnetIds":["subnet-a","subnet-b"]}""", search.VpcOptions.Value);
        Assert.Equal("""{"Version":"2012-10-17","Statement":[]}""", search.AccessPolicies.Value);
        Assert.Equal("""{"INDEX_SLOW_LOGS":{"CloudWatchLogsLogGroupArn":"arn:aws:logs:eu-west-1:111122223333:log-group:slow","Enabled":true}}""", search.LogPublishingOptions.Value);
        Assert.Equal("""{"rest.action.multi.allow_explicit_index":"false"}""", search.AdvancedOptions.Value);
        Assert.Equal(Fact.Known<string?>(null), search.DomainEndpointOptions);
        Assert.Equal(("Elasticsearch_7.10", """{"InstanceType":"m5.large.elasticsearch"}"""), (legacy.EngineVersion.Value, legacy.ClusterConfig.Value));
    }

    [Fact]
    public void A_file_systems_tags_are_its_file_system_tags()
    {
        var system = (EfsFileSystem)Scanned("""
            Resources:
              Files:
                Type: AWS::EFS::FileSystem
                Properties:
                  FileSystemTags:
                    - Key: team
                      Value: storage
            """)["Files"];

        Assert.Equal(new Dictionary<string, string> { ["team"] = "storage" }, system.Tags.Value);
        Assert.Equal(Fact.Known(false), system.StorageEncrypted);
    }

    [Fact]
    public void A_file_system_keeps_the_rebuild_settings_it_declares_and_leaves_what_is_declared_apart_unread()
    {
        var system = (EfsFileSystem)Scanned("""
            Resources:
              Files:
                Type: AWS::EFS::FileSystem
                Properties:
                  Encrypted: true
                  PerformanceMode: maxIO
                  ThroughputMode: provisioned
                  ProvisionedThroughputInMibps: 128
                  AvailabilityZoneName: eu-west-1a
                  BackupPolicy:
                    Status: ENABLED
                  FileSystemProtection:
                    ReplicationOverwriteProtection: DISABLED
                  LifecyclePolicies:
                    - TransitionToIA: AFTER_30_DAYS
                    - TransitionToPrimaryStorageClass: AFTER_1_ACCESS
            """)["Files"];

        Assert.Equal(("maxIO", "provisioned", 128, "eu-west-1a", true, "DISABLED"), (system.PerformanceMode.Value, system.ThroughputMode.Value, system.ProvisionedThroughput.Value, system.AvailabilityZoneName.Value, system.AutomaticBackups.Value, system.ReplicationOverwriteProtection.Value));
        Assert.Equal(["TransitionToIA=AFTER_30_DAYS", "TransitionToPrimaryStorageClass=AFTER_1_ACCESS"], system.LifecyclePolicies.Value);
        Assert.False(system.MountTargets.IsKnown);
    }

    [Fact]
    public void A_volume_without_a_key_depends_on_account_settings_no_template_declares_and_keeps_its_rebuild_settings()
    {
        var resources = Scanned("""
            Resources:
              Silent:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: eu-west-1a
                  Size: 100
                  VolumeType: gp3
                  Iops: 4000
                  Throughput: 250
              Asked:
                Type: AWS::EC2::Volume
                Properties:
                  AvailabilityZone: eu-west-1a
                  Size: 20
                  Encrypted: true
            """);

        var silent = (EbsVolume)resources["Silent"];
        var asked = (EbsVolume)resources["Asked"];

        Assert.Contains("encryption by default", silent.StorageEncrypted.Reason, StringComparison.Ordinal);
        Assert.Equal(Fact.Known(true), asked.StorageEncrypted);
        Assert.Contains("default EBS key", Assert.IsType<KeyReference.Undetermined>(asked.Key).Reason, StringComparison.Ordinal);
        Assert.Equal((Fact.Known<string?>("eu-west-1a"), Fact.Known<string?>("gp3"), Fact.Known(100), Fact.Known(4000), Fact.Known(250)), (silent.AvailabilityZone, silent.VolumeType, silent.Size, silent.Iops, silent.Throughput));
        Assert.Contains("AWS::EC2::VolumeAttachment", silent.Attachments.Reason, StringComparison.Ordinal);
    }
}
