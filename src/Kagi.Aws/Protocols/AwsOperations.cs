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
        Members("repositories", "repositoryName", "repositoryArn", "encryptionConfiguration.encryptionType", "encryptionConfiguration.kmsKey"),
        new("nextToken", "nextToken", "maxResults"));

    public static AwsOperation BackupListBackupVaults { get; } = new(
        AwsApi.Backup,
        "ListBackupVaults",
        ["MaxResults", "NextToken"],
        Members("BackupVaultList", "BackupVaultName", "BackupVaultArn", "EncryptionKeyArn"),
        new("NextToken", "NextToken", "MaxResults"),
        "GET",
        "/backup-vaults/",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["MaxResults"] = "maxResults", ["NextToken"] = "nextToken" });

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
        Members("FileSystems", "FileSystemId", "FileSystemArn", "Encrypted", "KmsKeyId", "Tags.Key", "Tags.Value"),
        new("Marker", "NextMarker", "MaxItems"),
        "GET",
        "/2015-02-01/file-systems",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["MaxItems"] = "MaxItems", ["Marker"] = "Marker" });

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
        KinesisDescribeStreamSummary, EcrDescribeRepositories, BackupListBackupVaults, OpenSearchListDomainNames,
        OpenSearchDescribeDomains, OpenSearchListTags, EfsDescribeFileSystems, TaggingGetResources, OrganizationsListAccounts,
        OrganizationsListAccountsForParent, OrganizationsListOrganizationalUnitsForParent,
    ];

    private static string[] AccountMembers => Members("Accounts", "Id", "Name", "State", "Status");

    private static string[] Members(string list, params string[] members) => [.. members.Select(member => $"{list}.{member}")];
}
