using Kagi.Core.Localization;
namespace Kagi.Rules.Aws;

/// <summary>
/// What tells apart the kinds of the DB cluster family in a rebuild: the AWS CLI service that serves them, their engines,
/// their Terraform names, and which settings they have at all (an option missing from <see cref="TerraformArguments"/>
/// does not exist for the kind, so it is neither printed nor reported as not read).
/// </summary>
public sealed record DbClusterEngine
{
    public static DbClusterEngine Neptune { get; } = new()
    {
        CliService = "neptune",
        Engines = RdsEngines.Neptune,
        DefaultEngine = "neptune",
        ClusterType = "aws_neptune_cluster",
        InstanceType = "aws_neptune_cluster_instance",
        InstanceParameterGroupArgument = "neptune_parameter_group_name",
        ServerlessLabel = Texts.Name("fixes.setting-serverless-ncu"),
        DefaultPort = _ => 8182,
        TerraformArguments = Arguments(
            ("--db-subnet-group-name", "neptune_subnet_group_name"),
            ("--db-cluster-parameter-group-name", "neptune_cluster_parameter_group_name"),
            ("--role-arn", "iam_roles"),
            ("--enable-cloudwatch-logs-exports", "enable_cloudwatch_logs_exports"),
            ("--enable-iam-database-authentication", "iam_database_authentication_enabled"),
            ("--copy-tags-to-snapshot", "copy_tags_to_snapshot"),
            ("--serverless-v2-scaling-configuration", "serverless_v2_scaling_configuration")),
    };

    /// <summary>Aurora clusters and Multi-AZ DB clusters (<c>aws rds</c>, <c>aws_rds_cluster</c>).</summary>
    public static DbClusterEngine Rds { get; } = new()
    {
        CliService = "rds",
        Engines = RdsEngines.RdsClusters,
        DefaultEngine = null,
        ClusterType = "aws_rds_cluster",
        InstanceType = "aws_rds_cluster_instance",
        InstanceParameterGroupArgument = "db_parameter_group_name",
        ServerlessLabel = Texts.Name("fixes.setting-serverless-acu"),
        DefaultPort = engine => engine.Contains("postgres", StringComparison.Ordinal) ? 5432 : 3306,
        TerraformArguments = Arguments(
            ("--engine", "engine"),
            ("--db-subnet-group-name", "db_subnet_group_name"),
            ("--db-cluster-parameter-group-name", "db_cluster_parameter_group_name"),
            ("--role-arn", "iam_roles"),
            ("--enable-cloudwatch-logs-exports", "enabled_cloudwatch_logs_exports"),
            ("--enable-iam-database-authentication", "iam_database_authentication_enabled"),
            ("--copy-tags-to-snapshot", "copy_tags_to_snapshot"),
            ("--serverless-v2-scaling-configuration", "serverless_v2_scaling_configuration")),
    };

    /// <summary>
    /// DocumentDB clusters (<c>aws docdb</c>, <c>aws_docdb_cluster</c>): no IAM roles, IAM authentication or cluster-level
    /// tag copying to carry; its instances take no parameter group; its point-in-time restore takes no cluster parameter group.
    /// </summary>
    public static DbClusterEngine DocumentDb { get; } = new()
    {
        CliService = "docdb",
        Engines = RdsEngines.DocumentDb,
        DefaultEngine = "docdb",
        ClusterType = "aws_docdb_cluster",
        InstanceType = "aws_docdb_cluster_instance",
        InstanceParameterGroupArgument = null,
        ServerlessLabel = Texts.Name("fixes.setting-serverless-dcu"),
        DefaultPort = _ => 27017,
        PointInTimeRestoreTakesParameterGroup = false,
        TerraformArguments = Arguments(
            ("--db-subnet-group-name", "db_subnet_group_name"),
            ("--db-cluster-parameter-group-name", "db_cluster_parameter_group_name"),
            ("--enable-cloudwatch-logs-exports", "enabled_cloudwatch_logs_exports"),
            ("--serverless-v2-scaling-configuration", "serverless_v2_scaling_configuration")),
    };

    /// <summary>The service of the AWS CLI (<c>aws neptune …</c>).</summary>
    public required string CliService { get; init; }

    public required RdsEngines Engines { get; init; }

    /// <summary>The engine of a kind that has one (which is then no setting to carry); null where the kind has several.</summary>
    public required string? DefaultEngine { get; init; }

    public required string ClusterType { get; init; }

    public required string InstanceType { get; init; }

    /// <summary>The instance's parameter group argument in Terraform; null where instances have none of their own.</summary>
    public required string? InstanceParameterGroupArgument { get; init; }

    /// <summary>The text key of the serverless capacity's label, which names the engine's capacity unit.</summary>
    public required string ServerlessLabel { get; init; }

    /// <summary>The port AWS gives a cluster of an engine when none is named.</summary>
    public required Func<string, int> DefaultPort { get; init; }

    /// <summary>Whether a point-in-time restore takes the cluster parameter group; where not, a modify after it sets the group.</summary>
    public bool PointInTimeRestoreTakesParameterGroup { get; init; } = true;

    /// <summary>Each setting the kind has, by its AWS CLI option, as its Terraform cluster resource names it.</summary>
    public required IReadOnlyDictionary<string, string> TerraformArguments { get; init; }

    /// <summary>Whether the kind has the setting of this AWS CLI option.</summary>
    public bool Has(string option) => TerraformArguments.ContainsKey(option);

    // The settings every kind of the family has, named alike in Terraform, and the kind's own.
    private static Dictionary<string, string> Arguments(params (string Option, string Argument)[] own) =>
        new[]
        {
            ("--engine-version", "engine_version"),
            ("--vpc-security-group-ids", "vpc_security_group_ids"),
            ("--port", "port"),
            ("--backup-retention-period", "backup_retention_period"),
            ("--preferred-backup-window", "preferred_backup_window"),
            ("--preferred-maintenance-window", "preferred_maintenance_window"),
            ("--deletion-protection", "deletion_protection"),
            ("--tags", "tags"),
        }.Concat(own).ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal);
}
