using Kagi.Core.Localization;

namespace Kagi.CloudFormation.Reading;

/// <summary>The diagnostics and unknown reasons of the CloudFormation source, in canonical English (translated when shown).</summary>
internal static class TemplateTexts
{
    public static string InvalidYaml(string detail) => Texts.Canonical("reasons.cloudformation-invalid-yaml", ("detail", detail));

    public static string InvalidJson(string detail) => Texts.Canonical("reasons.cloudformation-invalid-json", ("detail", detail));

    public static string MoreThanOneDocument() => Texts.Canonical("reasons.cloudformation-more-than-one-document");

    public static string TooDeep() => Texts.Canonical("reasons.cloudformation-too-deep", ("limit", TemplateLimits.MaxDepth));

    public static string TooManyNodes() => Texts.Canonical("reasons.cloudformation-too-many-nodes", ("limit", TemplateLimits.MaxNodes));

    public static string TooLarge() => Texts.Canonical("reasons.cloudformation-too-large", ("limit", TemplateLimits.MaxTemplateBytes));

    public static string StringTooLong() => Texts.Canonical("reasons.cloudformation-string-too-long", ("limit", TemplateLimits.MaxStringLength));

    public static string UnknownTag(string tag) => Texts.Canonical("reasons.cloudformation-unknown-tag", ("tag", tag));

    public static string KeyNotText() => Texts.Canonical("reasons.cloudformation-key-not-text");

    public static string DuplicateKey(string key) => Texts.Canonical("reasons.cloudformation-duplicate-key", ("key", key));

    public static string NotATemplate() => Texts.Canonical("reasons.cloudformation-not-a-template");
}
