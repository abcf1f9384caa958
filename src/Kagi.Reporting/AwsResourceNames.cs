using Kagi.Core.Model;

namespace Kagi.Reporting;

/// <summary>What OCSF and ASFF both need to know about a resource's place in AWS: its partition.</summary>
internal static class AwsResourceNames
{
    /// <summary>The partition an ARN names (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>); null for a Terraform address.</summary>
    public static string? Partition(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var parts = resource.Id.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[1].Length > 0 ? parts[1] : null;
    }
}
