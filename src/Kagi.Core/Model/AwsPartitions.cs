namespace Kagi.Core.Model;

/// <summary>Which AWS partition a region belongs to, as ARNs name it, and the DNS suffix of its service endpoints.</summary>
public static class AwsPartitions
{
    public static string Of(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region switch
        {
            _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
            _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
            _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "aws-iso",
            _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "aws-iso-b",
            _ => "aws",
        };
    }

    public static string DnsSuffix(string partition) => partition switch
    {
        "aws-cn" => "amazonaws.com.cn",
        "aws-iso" => "c2s.ic.gov",
        "aws-iso-b" => "sc2s.sgov.gov",
        _ => "amazonaws.com",
    };
}
