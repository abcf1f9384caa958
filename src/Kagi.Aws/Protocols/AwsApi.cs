namespace Kagi.Aws.Protocols;

/// <summary>The wire protocols of the AWS APIs Kagi calls without an SDK package, as botocore's models name them.</summary>
public enum AwsProtocol
{
    /// <summary>Form-encoded POST with <c>Action</c> and <c>Version</c>; XML answers wrapped in <c>&lt;ActionResult&gt;</c>.</summary>
    Query,

    /// <summary>POST of a JSON document to <c>/</c>, the operation named by <c>X-Amz-Target</c>.</summary>
    Json,

    /// <summary>The operation's own HTTP method and path, members in the query string or a JSON body.</summary>
    RestJson,
}

/// <summary>
/// One AWS API as its botocore model describes it: how requests are signed, where they go and how they are encoded.
/// Checked against the models on the machine by a test, so a typo here fails the build, not a customer's scan.
/// </summary>
/// <param name="Service">The SigV4 signing name and the <c>AWS_ENDPOINT_URL_*</c> suffixes of the service.</param>
/// <param name="EndpointPrefix">The host's first label: <c>{prefix}.{region}.{dns suffix}</c>.</param>
/// <param name="TargetPrefix">For the JSON protocol: what <c>X-Amz-Target</c> puts before the operation name.</param>
/// <param name="JsonVersion">For the JSON protocol: the <c>application/x-amz-json-*</c> version.</param>
public sealed record AwsApi(AwsService Service, string EndpointPrefix, AwsProtocol Protocol, string ApiVersion, string? TargetPrefix = null, string? JsonVersion = null)
{
    /// <summary>RDS, and with it DocumentDB and Neptune, which share its Query API and endpoint.</summary>
    public static AwsApi Rds { get; } = new(AwsService.Rds, "rds", AwsProtocol.Query, "2014-10-31");

    public static AwsApi Redshift { get; } = new(new("redshift", ["REDSHIFT"]), "redshift", AwsProtocol.Query, "2012-12-01");

    public static AwsApi ElastiCache { get; } = new(new("elasticache", ["ELASTICACHE"]), "elasticache", AwsProtocol.Query, "2015-02-02");

    public static AwsApi Sns { get; } = new(new("sns", ["SNS"]), "sns", AwsProtocol.Query, "2010-03-31");

    public static AwsApi SecretsManager { get; } =
        new(new("secretsmanager", ["SECRETS_MANAGER"]), "secretsmanager", AwsProtocol.Json, "2017-10-17", "secretsmanager", "1.1");

    public static AwsApi Logs { get; } = new(new("logs", ["CLOUDWATCH_LOGS"]), "logs", AwsProtocol.Json, "2014-03-28", "Logs_20140328", "1.1");

    public static AwsApi Kinesis { get; } = new(new("kinesis", ["KINESIS"]), "kinesis", AwsProtocol.Json, "2013-12-02", "Kinesis_20131202", "1.1");

    /// <summary>ECR's host is <c>api.ecr.{region}</c>, but it signs as <c>ecr</c>.</summary>
    public static AwsApi Ecr { get; } =
        new(new("ecr", ["ECR"]), "api.ecr", AwsProtocol.Json, "2015-09-21", "AmazonEC2ContainerRegistry_V20150921", "1.1");

    public static AwsApi Backup { get; } = new(new("backup", ["BACKUP"]), "backup", AwsProtocol.RestJson, "2018-11-15");

    /// <summary>OpenSearch Service keeps the Elasticsearch Service's host and signing name, <c>es</c>.</summary>
    public static AwsApi OpenSearch { get; } = new(new("es", ["OPENSEARCH"]), "es", AwsProtocol.RestJson, "2021-01-01");

    public static AwsApi Efs { get; } = new(new("elasticfilesystem", ["EFS"]), "elasticfilesystem", AwsProtocol.RestJson, "2015-02-01");

    /// <summary>The Resource Groups Tagging API: the tags of a region's resources in one paged listing. Its IAM prefix is <c>tag</c>.</summary>
    public static AwsApi Tagging { get; } = new(
        new("tagging", ["RESOURCE_GROUPS_TAGGING_API"]), "tagging", AwsProtocol.Json, "2017-01-26", "ResourceGroupsTaggingAPI_20170126", "1.1");

    /// <summary>AWS Organizations: one endpoint per partition (<c>organizations.us-east-1</c> in <c>aws</c>), reached through <see cref="OrganizationsRegion"/>.</summary>
    public static AwsApi Organizations { get; } = new(
        new("organizations", ["ORGANIZATIONS"]), "organizations", AwsProtocol.Json, "2016-11-28", "AWSOrganizationsV20161128", "1.1");

    /// <summary>The region whose endpoint serves Organizations in a partition, as botocore's endpoints say.</summary>
    public static string OrganizationsRegion(string partition) => partition switch
    {
        "aws-cn" => "cn-northwest-1",
        "aws-us-gov" => "us-gov-west-1",
        _ => "us-east-1",
    };

    public override string ToString() => Service.SigningName;
}
