namespace Kagi.CloudFormation.Reading;

/// <summary>Bounds that keep a hostile template from making a scan's work or memory unbounded; each is named when hit.</summary>
internal static class TemplateLimits
{
    /// <summary>Files larger are not read. CloudFormation itself takes at most 1 MB from S3; CDK output stays far below.</summary>
    public const int MaxTemplateBytes = 8 * 1024 * 1024;

    /// <summary>How deeply mappings and sequences may nest.</summary>
    public const int MaxDepth = 128;

    /// <summary>How many nodes a template may hold, each use of a YAML alias counting its whole anchored subtree again ("billion laughs").</summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>The longest string an intrinsic (<c>Fn::Join</c>, <c>Fn::Sub</c>, <c>Fn::Base64</c>) may build.</summary>
    public const int MaxStringLength = 1024 * 1024;
}
