using System.Reflection;
using Kagi.Aws;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;

namespace Kagi.Rules;

/// <summary>
/// Every resource kind Kagi knows, with how each is read: found by reflection over this assembly (one folder per kind,
/// <c>Aws/&lt;Service&gt;/&lt;Kind&gt;/</c>) and Core (the KMS key record, which key resolution builds), as rules are.
/// The CLI and the dashboard compose scans from this and name no kind.
/// </summary>
public static class KindCatalog
{
    /// <summary>The assemblies kinds, mappers and collectors are found in.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } = [typeof(KindCatalog).Assembly, typeof(CloudResource).Assembly];

    /// <summary>The resource records and their descriptors.</summary>
    public static ResourceKinds Kinds { get; } = ResourceKinds.Discover(Assemblies);

    /// <summary>How each Terraform resource type maps to a kind.</summary>
    public static ResourceMappers TerraformMappers { get; } = ResourceMappers.Discover(Assemblies);

    /// <summary>How each CloudFormation resource type maps to a kind.</summary>
    public static CloudFormationMappers CloudFormationMappers { get; } = CloudFormationMappers.Discover(Assemblies);

    /// <summary>How each listed kind is read from a live account.</summary>
    public static IReadOnlyList<ILiveCollector> LiveCollectors { get; } = Kagi.Aws.LiveCollectors.Discover(Assemblies);
}
