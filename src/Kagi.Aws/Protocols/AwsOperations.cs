namespace Kagi.Aws.Protocols;

/// <summary>Every operation the protocol clients may call. Read-only, all of them: a test holds them to Describe, List and Get.</summary>
public static class AwsOperations
{
    private static readonly AwsPaging Marker = new("Marker", "Marker", "MaxRecords");

    public static AwsOperation RdsDescribeDBInstances { get; } = new(
        AwsApi.Rds,
        "DescribeDBInstances",
        ["MaxRecords", "Marker"],
        Members("DBInstances", "DBInstanceIdentifier", "DBInstanceArn", "DBClusterIdentifier", "Engine", "StorageEncrypted", "KmsKeyId", "TagList.Key", "TagList.Value"),
        Marker);

    public static AwsOperation RdsDescribeDBClusters { get; } = new(
        AwsApi.Rds,
        "DescribeDBClusters",
        ["MaxRecords", "Marker"],
        Members("DBClusters", "DBClusterIdentifier", "DBClusterArn", "Engine", "StorageEncrypted", "KmsKeyId", "TagList.Key", "TagList.Value"),
        Marker);

    public static AwsOperation RedshiftDescribeClusters { get; } = new(
        AwsApi.Redshift,
        "DescribeClusters",
        ["MaxRecords", "Marker"],
        Members("Clusters", "ClusterIdentifier", "ClusterNamespaceArn", "Encrypted", "KmsKeyId", "Tags.Key", "Tags.Value"),
        Marker);

    public static AwsOperation ElastiCacheDescribeReplicationGroups { get; } = new(
        AwsApi.ElastiCache,
        "DescribeReplicationGroups",
        ["MaxRecords", "Marker"],
        Members(
            "ReplicationGroups",
            "ReplicationGroupId",
            "ARN",
            "AtRestEncryptionEnabled",
            "KmsKeyId",
            "Description",
            "Engine",
            "CacheNodeType",
            "ClusterEnabled",
            "ClusterMode",
            "MemberClusters",
            "NodeGroups.NodeGroupId",
            "NodeGroups.Slots",
            "NodeGroups.NodeGroupMembers.CacheClusterId",
            "NodeGroups.NodeGroupMembers.PreferredAvailabilityZone",
            "NodeGroups.NodeGroupMembers.CurrentRole",
            "NodeGroups.PrimaryEndpoint.Port",
            "ConfigurationEndpoint.Port",
            "MultiAZ",
            "AutomaticFailover",
            "TransitEncryptionEnabled",
            "TransitEncryptionMode",
            "AuthTokenEnabled",
            "UserGroupIds",
            "SnapshotRetentionLimit",
            "SnapshotWindow",
            "LogDeliveryConfigurations.LogType",
            "LogDeliveryConfigurations.DestinationType",
            "LogDeliveryConfigurations.DestinationDetails.CloudWatchLogsDetails.LogGroup",
            "LogDeliveryConfigurations.DestinationDetails.KinesisFirehoseDetails.DeliveryStream",
            "LogDeliveryConfigurations.LogFormat",
            "DataTiering",
            "AutoMinorVersionUpgrade",
            "NetworkType",
            "IpDiscovery"),
        Marker);

    /// <summary>The nodes of replication groups: what a group's listing leaves to its member clusters (engine version, network, parameter group, maintenance window).</summary>
    public static AwsOperation ElastiCacheDescribeCacheClusters { get; } = new(
        AwsApi.ElastiCache,
        "DescribeCacheClusters",
        ["MaxRecords", "Marker"],
        Members(
            "CacheClusters",
            "CacheClusterId",
            "ReplicationGroupId",
            "EngineVersion",
            "CacheSubnetGroupName",
            "SecurityGroups.SecurityGroupId",
            "CacheParameterGroup.CacheParameterGroupName",
            "PreferredMaintenanceWindow",
            "NotificationConfiguration.TopicArn"),
        Marker);

    public static AwsOperation SnsListTopics { get; } = new(
        AwsApi.Sns,
        "ListTopics",
        ["NextToken"],
        ["Topics.TopicArn"],
        new("NextToken", "NextToken"));

    /// <summary>The attributes come as a map: <c>KmsMasterKeyId</c> is a key of it, not a member.</summary>
    public static AwsOperation SnsGetTopicAttributes { get; } = new(AwsApi.Sns, "GetTopicAttributes", ["TopicArn"], ["Attributes"]);

    public static AwsOperation SecretsManagerListSecrets { get; } = new(
        AwsApi.SecretsManager,
        "ListSecrets",
        ["MaxResults", "NextToken"],
        Members("SecretList", "ARN", "Name", "KmsKeyId", "Tags.Key", "Tags.Value"),
        new("NextToken", "NextToken", "MaxResults"));

    public static AwsOperation LogsDescribeLogGroups { get; } = new(
        AwsApi.Logs,
        "DescribeLogGroups",
        ["limit", "nextToken"],
        Members("logGroups", "logGroupName", "logGroupArn", "kmsKeyId"),
        new("nextToken", "nextToken", "limit"));

    /// <summary>
    /// Kinesis pages by <c>NextToken</c> and says whether more follow with <c>HasMoreStreams</c>; before NextToken (and
    /// in moto) the next page was asked for by <c>ExclusiveStartStreamName</c>, which the stream collector falls back on.
    /// </summary>
    public static AwsOperation KinesisListStreams { get; } = new(
        AwsApi.Kinesis,
        "ListStreams",
        ["Limit", "NextToken", "ExclusiveStartStreamName"],
        ["StreamNames", "HasMoreStreams", "NextToken", .. Members("StreamSummaries", "StreamName", "StreamARN")],
        new("NextToken", "NextToken", "Limit", "HasMoreStreams"));

    public static AwsOperation KinesisDescribeStreamSummary { get; } = new(
        AwsApi.Kinesis,
        "DescribeStreamSummary",
        ["StreamName"],
        Members("StreamDescriptionSummary", "StreamName", "StreamARN", "EncryptionType", "KeyId"));

    public static AwsOperation EcrDescribeRepositories { get; } = new(
        AwsApi.Ecr,
        "DescribeRepositories",
        ["maxResults", "nextToken"],
        Members(
            "repositories",
            "repositoryName",
            "repositoryArn",
            "encryptionConfiguration.encryptionType",
            "encryptionConfiguration.kmsKey",
            "imageTagMutability",
            "imageScanningConfiguration.scanOnPush"),
        new("nextToken", "nextToken", "maxResults"));

    /// <summary>A repository's lifecycle policy; <c>LifecyclePolicyNotFoundException</c> when it has none.</summary>
    public static AwsOperation EcrGetLifecyclePolicy { get; } = new(AwsApi.Ecr, "GetLifecyclePolicy", ["repositoryName"], ["lifecyclePolicyText"]);

    /// <summary>A repository's policy; <c>RepositoryPolicyNotFoundException</c> when it has none.</summary>
    public static AwsOperation EcrGetRepositoryPolicy { get; } = new(AwsApi.Ecr, "GetRepositoryPolicy", ["repositoryName"], ["policyText"]);

    /// <summary>A repository's tags: the Resource Groups Tagging API does not list ECR repositories everywhere it is emulated, and ECR answers for its own.</summary>
    public static AwsOperation EcrListTagsForResource { get; } = new(AwsApi.Ecr, "ListTagsForResource", ["resourceArn"], Members("tags", "Key", "Value"));

    public static AwsOperation BackupListBackupVaults { get; } = new(
        AwsApi.Backup,
        "ListBackupVaults",
        ["MaxResults", "NextToken"],
        Members("BackupVaultList", "BackupVaultName", "BackupVaultArn", "EncryptionKeyArn", "Locked", "MinRetentionDays", "MaxRetentionDays", "LockDate"),
        new("NextToken", "NextToken", "MaxResults"),
        "GET",
        "/backup-vaults/",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["MaxResults"] = "maxResults", ["NextToken"] = "nextToken" });

    /// <summary>A vault's access policy; <c>ResourceNotFoundException</c> when it has none.</summary>
    public static AwsOperation BackupGetBackupVaultAccessPolicy { get; } = new(
        AwsApi.Backup,
        "GetBackupVaultAccessPolicy",
        ["BackupVaultName"],
        ["Policy"],
        Method: "GET",
        RequestUri: "/backup-vaults/{backupVaultName}/access-policy",
        PathLabels: new Dictionary<string, string>(StringComparer.Ordinal) { ["BackupVaultName"] = "backupVaultName" });

    /// <summary>A vault's notifications: the SNS topic and the events sent to it; <c>ResourceNotFoundException</c> when it has none.</summary>
    public static AwsOperation BackupGetBackupVaultNotifications { get; } = new(
        AwsApi.Backup,
        "GetBackupVaultNotifications",
        ["BackupVaultName"],
        ["SNSTopicArn", "BackupVaultEvents"],
        Method: "GET",
        RequestUri: "/backup-vaults/{backupVaultName}/notification-configuration",
        PathLabels: new Dictionary<string, string>(StringComparer.Ordinal) { ["BackupVaultName"] = "backupVaultName" });

    /// <summary>Not paginated: one answer names every domain of the region.</summary>
    public static AwsOperation OpenSearchListDomainNames { get; } = new(
        AwsApi.OpenSearch,
        "ListDomainNames",
        [],
        Members("DomainNames", "DomainName", "EngineType"),
        Method: "GET",
        RequestUri: "/2021-01-01/domain");

    /// <summary>At most five domains a call (the model's <c>DomainNameList</c> limit): callers batch the names.</summary>
    public static AwsOperation OpenSearchDescribeDomains { get; } = new(
        AwsApi.OpenSearch,
        "DescribeDomains",
        ["DomainNames"],
        Members(
            "DomainStatusList",
            "DomainName",
            "ARN",
            "EncryptionAtRestOptions.Enabled",
            "EncryptionAtRestOptions.KmsKeyId",
            "EngineVersion",
            "ClusterConfig.InstanceType",
            "ClusterConfig.InstanceCount",
            "ClusterConfig.DedicatedMasterEnabled",
            "ClusterConfig.DedicatedMasterType",
            "ClusterConfig.DedicatedMasterCount",
            "ClusterConfig.ZoneAwarenessEnabled",
            "ClusterConfig.ZoneAwarenessConfig.AvailabilityZoneCount",
            "ClusterConfig.WarmEnabled",
            "ClusterConfig.WarmType",
            "ClusterConfig.WarmCount",
            "ClusterConfig.ColdStorageOptions.Enabled",
            "ClusterConfig.MultiAZWithStandbyEnabled",
            "EBSOptions.EBSEnabled",
            "EBSOptions.VolumeType",
            "EBSOptions.VolumeSize",
            "EBSOptions.Iops",
            "EBSOptions.Throughput",
            "AccessPolicies",
            "IPAddressType",
            "SnapshotOptions.AutomatedSnapshotStartHour",
            "VPCOptions.SubnetIds",
            "VPCOptions.SecurityGroupIds",
            "CognitoOptions.Enabled",
            "CognitoOptions.UserPoolId",
            "CognitoOptions.IdentityPoolId",
            "CognitoOptions.RoleArn",
            "NodeToNodeEncryptionOptions.Enabled",
            "AdvancedOptions",
            "LogPublishingOptions.CloudWatchLogsLogGroupArn",
            "LogPublishingOptions.Enabled",
            "DomainEndpointOptions.EnforceHTTPS",
            "DomainEndpointOptions.TLSSecurityPolicy",
            "DomainEndpointOptions.CustomEndpointEnabled",
            "DomainEndpointOptions.CustomEndpoint",
            "DomainEndpointOptions.CustomEndpointCertificateArn",
            "AdvancedSecurityOptions.Enabled",
            "AdvancedSecurityOptions.InternalUserDatabaseEnabled",
            "AdvancedSecurityOptions.AnonymousAuthEnabled",
            "AutoTuneOptions.State",
            "AutoTuneOptions.UseOffPeakWindow",
            "OffPeakWindowOptions.Enabled",
            "OffPeakWindowOptions.OffPeakWindow.WindowStartTime.Hours",
            "OffPeakWindowOptions.OffPeakWindow.WindowStartTime.Minutes",
            "SoftwareUpdateOptions.AutoSoftwareUpdateEnabled"),
        Method: "POST",
        RequestUri: "/2021-01-01/opensearch/domain-info");

    /// <summary>A domain's tags, by its ARN: one call a domain, so tags that cannot be read are that domain's unknown alone.</summary>
    public static AwsOperation OpenSearchListTags { get; } = new(
        AwsApi.OpenSearch,
        "ListTags",
        ["ARN"],
        ["TagList.Key", "TagList.Value"],
        Method: "GET",
        RequestUri: "/2021-01-01/tags/",
        QueryString: new Dictionary<string, string> { ["ARN"] = "arn" });

    public static AwsOperation EfsDescribeFileSystems { get; } = new(
        AwsApi.Efs,
        "DescribeFileSystems",
        ["MaxItems", "Marker"],
        Members(
            "FileSystems",
            "FileSystemId",
            "FileSystemArn",
            "Encrypted",
            "KmsKeyId",
            "Tags.Key",
            "Tags.Value",
            "PerformanceMode",
            "ThroughputMode",
            "ProvisionedThroughputInMibps",
            "AvailabilityZoneName",
            "FileSystemProtection.ReplicationOverwriteProtection"),
        new("Marker", "NextMarker", "MaxItems"),
        "GET",
        "/2015-02-01/file-systems",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["MaxItems"] = "MaxItems", ["Marker"] = "Marker" });

    /// <summary>One file system's lifecycle policies.</summary>
    public static AwsOperation EfsDescribeLifecycleConfiguration { get; } = new(
        AwsApi.Efs,
        "DescribeLifecycleConfiguration",
        ["FileSystemId"],
        Members("LifecyclePolicies", "TransitionToIA", "TransitionToPrimaryStorageClass", "TransitionToArchive"),
        Method: "GET",
        RequestUri: "/2015-02-01/file-systems/{FileSystemId}/lifecycle-configuration",
        PathLabels: new Dictionary<string, string>(StringComparer.Ordinal) { ["FileSystemId"] = "FileSystemId" });

    /// <summary>One file system's backup policy; <c>PolicyNotFound</c> when it has none.</summary>
    public static AwsOperation EfsDescribeBackupPolicy { get; } = new(
        AwsApi.Efs,
        "DescribeBackupPolicy",
        ["FileSystemId"],
        ["BackupPolicy.Status"],
        Method: "GET",
        RequestUri: "/2015-02-01/file-systems/{FileSystemId}/backup-policy",
        PathLabels: new Dictionary<string, string>(StringComparer.Ordinal) { ["FileSystemId"] = "FileSystemId" });

    /// <summary>One file system's resource policy; <c>PolicyNotFound</c> when it has none.</summary>
    public static AwsOperation EfsDescribeFileSystemPolicy { get; } = new(
        AwsApi.Efs,
        "DescribeFileSystemPolicy",
        ["FileSystemId"],
        ["Policy"],
        Method: "GET",
        RequestUri: "/2015-02-01/file-systems/{FileSystemId}/policy",
        PathLabels: new Dictionary<string, string>(StringComparer.Ordinal) { ["FileSystemId"] = "FileSystemId" });

    public static AwsOperation EfsDescribeMountTargets { get; } = new(
        AwsApi.Efs,
        "DescribeMountTargets",
        ["MaxItems", "Marker", "FileSystemId"],
        Members("MountTargets", "MountTargetId", "SubnetId", "IpAddress"),
        new("Marker", "NextMarker", "MaxItems"),
        "GET",
        "/2015-02-01/mount-targets",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["MaxItems"] = "MaxItems", ["Marker"] = "Marker", ["FileSystemId"] = "FileSystemId" });

    public static AwsOperation EfsDescribeMountTargetSecurityGroups { get; } = new(
        AwsApi.Efs,
        "DescribeMountTargetSecurityGroups",
        ["MountTargetId"],
        ["SecurityGroups"],
        Method: "GET",
        RequestUri: "/2015-02-01/mount-targets/{MountTargetId}/security-groups",
        PathLabels: new Dictionary<string, string>(StringComparer.Ordinal) { ["MountTargetId"] = "MountTargetId" });

    public static AwsOperation EfsDescribeAccessPoints { get; } = new(
        AwsApi.Efs,
        "DescribeAccessPoints",
        ["MaxResults", "NextToken", "FileSystemId"],
        Members(
            "AccessPoints",
            "PosixUser.Uid",
            "PosixUser.Gid",
            "PosixUser.SecondaryGids",
            "RootDirectory.Path",
            "RootDirectory.CreationInfo.OwnerUid",
            "RootDirectory.CreationInfo.OwnerGid",
            "RootDirectory.CreationInfo.Permissions",
            "Tags.Key",
            "Tags.Value"),
        new("NextToken", "NextToken", "MaxResults"),
        "GET",
        "/2015-02-01/access-points",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["MaxResults"] = "MaxResults", ["NextToken"] = "NextToken", ["FileSystemId"] = "FileSystemId" });

    /// <summary>The replications a file system is part of; <c>ReplicationNotFound</c> when none.</summary>
    public static AwsOperation EfsDescribeReplicationConfigurations { get; } = new(
        AwsApi.Efs,
        "DescribeReplicationConfigurations",
        ["FileSystemId", "NextToken", "MaxResults"],
        Members("Replications", "SourceFileSystemId", "Destinations.Region", "Destinations.FileSystemId"),
        new("NextToken", "NextToken", "MaxResults"),
        "GET",
        "/2015-02-01/file-systems/replication-configurations",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["FileSystemId"] = "FileSystemId", ["NextToken"] = "NextToken", ["MaxResults"] = "MaxResults" });

    /// <summary>Every tagged (or once tagged) resource of the given types in a region, with its tags; untagged ones are left out.</summary>
    public static AwsOperation TaggingGetResources { get; } = new(
        AwsApi.Tagging,
        "GetResources",
        ["PaginationToken", "ResourcesPerPage", "ResourceTypeFilters"],
        Members("ResourceTagMappingList", "ResourceARN", "Tags.Key", "Tags.Value"),
        new("PaginationToken", "PaginationToken", "ResourcesPerPage"));

    /// <summary>The organization's accounts; <c>State</c> replaces the deprecated <c>Status</c>, which older emulators still send alone.</summary>
    public static AwsOperation OrganizationsListAccounts { get; } = new(
        AwsApi.Organizations,
        "ListAccounts",
        ["NextToken", "MaxResults"],
        AccountMembers,
        new("NextToken", "NextToken", "MaxResults"));

    /// <summary>The accounts directly under a root or organizational unit.</summary>
    public static AwsOperation OrganizationsListAccountsForParent { get; } = new(
        AwsApi.Organizations,
        "ListAccountsForParent",
        ["ParentId", "NextToken", "MaxResults"],
        AccountMembers,
        new("NextToken", "NextToken", "MaxResults"));

    /// <summary>The organizational units directly under a root or organizational unit.</summary>
    public static AwsOperation OrganizationsListOrganizationalUnitsForParent { get; } = new(
        AwsApi.Organizations,
        "ListOrganizationalUnitsForParent",
        ["ParentId", "NextToken", "MaxResults"],
        ["OrganizationalUnits.Id"],
        new("NextToken", "NextToken", "MaxResults"));

    public static IReadOnlyList<AwsOperation> All { get; } =
    [
        RdsDescribeDBInstances, RdsDescribeDBClusters, RedshiftDescribeClusters, ElastiCacheDescribeReplicationGroups, ElastiCacheDescribeCacheClusters,
        SnsListTopics, SnsGetTopicAttributes, SecretsManagerListSecrets, LogsDescribeLogGroups, KinesisListStreams,
        KinesisDescribeStreamSummary, EcrDescribeRepositories, EcrGetLifecyclePolicy, EcrGetRepositoryPolicy, EcrListTagsForResource, BackupListBackupVaults, BackupGetBackupVaultAccessPolicy,
        BackupGetBackupVaultNotifications, OpenSearchListDomainNames, OpenSearchDescribeDomains, OpenSearchListTags, EfsDescribeFileSystems, EfsDescribeLifecycleConfiguration, EfsDescribeBackupPolicy,
        EfsDescribeFileSystemPolicy, EfsDescribeMountTargets, EfsDescribeMountTargetSecurityGroups, EfsDescribeAccessPoints, EfsDescribeReplicationConfigurations, TaggingGetResources, OrganizationsListAccounts,
        OrganizationsListAccountsForParent, OrganizationsListOrganizationalUnitsForParent,
    ];

    private static string[] AccountMembers => Members("Accounts", "Id", "Name", "State", "Status");

    private static string[] Members(string list, params string[] members) => [.. members.Select(member => $"{list}.{member}")];
}
