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

    public override string ToString() => SigningName;
}
