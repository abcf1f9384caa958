namespace Kagi.Core.Model;

/// <summary>
/// What a resource kind is called outside Kagi: its CloudFormation type (Kagi's own name for the kind), the ASFF and OCSF
/// resource types the report formats give it, and the AWS service it belongs to. Each record declares one as its static
/// <c>Descriptor</c>, so writers and the catalogue look it up rather than switch on records.
/// </summary>
/// <param name="Type">The CloudFormation type, e.g. <c>AWS::Neptune::DBCluster</c>.</param>
/// <param name="AsffType">The AWS Security Finding Format type, e.g. <c>AwsRdsDbCluster</c>; <c>Other</c> where ASFF has none.</param>
/// <param name="OcsfType">The type OCSF resources carry, e.g. <c>AWS::Neptune::DBCluster</c>.</param>
/// <param name="Service">The AWS service, as rules name it (<c>neptune</c>, <c>kms</c>).</param>
/// <param name="ServiceKeyAlias">
/// The alias of the AWS-managed key the service uses when encryption is on and no key is named, where it is not
/// <c>alias/aws/</c> + <paramref name="Service"/> (Neptune and DocumentDB use <c>alias/aws/rds</c>).
/// </param>
public sealed record ResourceKind(string Type, string AsffType, string OcsfType, string Service, string? ServiceKeyAlias = null)
{
    /// <summary>The AWS-managed key a data store of this kind is on when encryption is on and it names no key.</summary>
    public string AwsManagedKeyAlias => ServiceKeyAlias ?? $"{KeyLevelClassifier.AwsManagedAliasPrefix}{Service}";

    /// <summary>The ASFF type of a kind ASFF has no type for.</summary>
    public const string OtherAsffType = "Other";

    /// <summary>A kind known by its type alone, for a record that stands in for resources it does not hold (unread, or as stored).</summary>
    public static ResourceKind Named(string type) => new(type, OtherAsffType, type, string.Empty);
}
