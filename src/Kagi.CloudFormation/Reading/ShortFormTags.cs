namespace Kagi.CloudFormation.Reading;

/// <summary>The YAML short forms of CloudFormation's intrinsic functions and the long-form keys they stand for.</summary>
internal static class ShortFormTags
{
    private static readonly Dictionary<string, string> LongForms = new(StringComparer.Ordinal)
    {
        ["Ref"] = "Ref",
        ["Condition"] = "Condition",
        ["GetAtt"] = "Fn::GetAtt",
        ["Sub"] = "Fn::Sub",
        ["If"] = "Fn::If",
        ["Join"] = "Fn::Join",
        ["Select"] = "Fn::Select",
        ["FindInMap"] = "Fn::FindInMap",
        ["ImportValue"] = "Fn::ImportValue",
        ["Equals"] = "Fn::Equals",
        ["And"] = "Fn::And",
        ["Or"] = "Fn::Or",
        ["Not"] = "Fn::Not",
        ["GetAZs"] = "Fn::GetAZs",
        ["Split"] = "Fn::Split",
        ["Base64"] = "Fn::Base64",
        ["Cidr"] = "Fn::Cidr",
        ["Length"] = "Fn::Length",
        ["ToJsonString"] = "Fn::ToJsonString",
        ["Transform"] = "Fn::Transform",
    };

    /// <summary>The long-form key for a tag without its <c>!</c>; null for a tag CloudFormation does not know.</summary>
    public static string? LongForm(string tag) => LongForms.GetValueOrDefault(tag);
}
