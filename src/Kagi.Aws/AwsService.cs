namespace Kagi.Aws;

/// <summary>An AWS API Kagi calls: its SigV4 signing name and the suffixes of its <c>AWS_ENDPOINT_URL_*</c> variables.</summary>
public sealed record AwsService(string SigningName, IReadOnlyList<string> EndpointVariableSuffixes)
{
    /// <summary>
    /// The RDS Query API that Neptune and DocumentDB share; each service's SDKs and CLI read their own variable:
    /// <c>AWS_ENDPOINT_URL_NEPTUNE</c>, <c>_DOCDB</c> (service ID DocDB) and <c>_RDS</c>.
    /// </summary>
    public static AwsService Rds { get; } = new("rds", ["NEPTUNE", "DOCDB", "RDS"]);

    public static AwsService Kms { get; } = new("kms", ["KMS"]);

    public static AwsService Sts { get; } = new("sts", ["STS"]);

    public static AwsService Ec2 { get; } = new("ec2", ["EC2"]);

    public static AwsService DynamoDb { get; } = new("dynamodb", ["DYNAMODB"]);

    public static AwsService Sqs { get; } = new("sqs", ["SQS"]);

    /// <summary>S3 grants two of its reads under other names than the operations'.</summary>
    public static AwsService S3 { get; } = new("s3", ["S3"])
    {
        IamActionNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ListBuckets"] = "ListAllMyBuckets",
            ["GetBucketEncryption"] = "GetEncryptionConfiguration",
        },
    };

    /// <summary>The IAM action names of operations whose permission is not named after them.</summary>
    public IReadOnlyDictionary<string, string> IamActionNames { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The IAM action (<c>s3:ListAllMyBuckets</c>) that grants an operation of this API (<c>ListBuckets</c>).</summary>
    public string IamAction(string operation) => $"{SigningName}:{IamActionNames.GetValueOrDefault(operation, operation)}";

    public override string ToString() => SigningName;
}
