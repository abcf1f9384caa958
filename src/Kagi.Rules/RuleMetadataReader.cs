using Kagi.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace Kagi.Rules;

/// <summary>Reads a rule's <c>.rule.yaml</c>; every missing field is an error naming the file and the field.</summary>
public static class RuleMetadataReader
{
    /// <param name="resourceType">The kind the rule judges, as its class's resource record declares it: never written in the metadata.</param>
    public static RuleMetadata Read(string yaml, string source, string resourceType)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var context = new Context(source);
        if (root.Children.ContainsKey(new YamlScalarNode("resourceType")))
        {
            throw context.Error("'resourceType' is not written in the metadata: it is the kind of the rule class's resource record");
        }

        var severityName = context.Scalar(root, "severity");
        if (!StatusNames.TryParseSeverity(severityName, out var severity))
        {
            throw context.Error($"severity '{severityName}' is not one of low, medium, high, critical");
        }

        var remediation = context.Mapping(root, "remediation");
        var messages = context.Mapping(root, "messages");
        return new RuleMetadata
        {
            Id = context.Scalar(root, "id"),
            Service = context.Scalar(root, "service"),
            ResourceType = resourceType,
            Severity = severity,
            Title = context.Localized(root, "title"),
            Risk = context.Localized(root, "risk"),
            Messages = context.LocalizedByKey(messages),
            Remediation = new Remediation(
                context.Variants(remediation, "console"),
                context.Variants(remediation, "cli"),
                context.Variants(remediation, "terraform")),
            Equivalents = [.. context.Sequence(root, "equivalents").Children.Cast<YamlMappingNode>()
                .Select(item => new Equivalent(context.Scalar(item, "tool"), context.Scalar(item, "id")))],
            References = [.. context.Sequence(root, "references").Children.Select(node => ((YamlScalarNode)node).Value!)],
            Compliance = [.. context.Sequence(root, "compliance").Children.Cast<YamlMappingNode>().Select(context.Compliance)],
        };
    }

    private sealed class Context(string source)
    {
        public InvalidOperationException Error(string message) => new($"{source}: {message}");

        public YamlNode Node(YamlMappingNode parent, string key) =>
            parent.Children.TryGetValue(new YamlScalarNode(key), out var node)
                ? node
                : throw Error($"'{key}' is missing (at line {parent.Start.Line})");

        public string Scalar(YamlMappingNode parent, string key) =>
            Node(parent, key) is YamlScalarNode { Value: { Length: > 0 } value }
                ? value
                : throw Error($"'{key}' must be a non-empty text");

        public YamlMappingNode Mapping(YamlMappingNode parent, string key) =>
            Node(parent, key) as YamlMappingNode ?? throw Error($"'{key}' must be a mapping");

        public YamlSequenceNode Sequence(YamlMappingNode parent, string key) =>
            Node(parent, key) as YamlSequenceNode ?? throw Error($"'{key}' must be a list");

        // An unknown framework name is an error, so "kagi rules list --framework" cannot silently miss a rule.
        public ComplianceMapping Compliance(YamlMappingNode item)
        {
            var framework = Scalar(item, "framework");
            return ComplianceMapping.Frameworks.Contains(framework)
                ? new ComplianceMapping(framework, Scalar(item, "control"))
                : throw Error($"compliance framework '{framework}' is not one of {string.Join(", ", ComplianceMapping.Frameworks)}");
        }

        public LocalizedText Localized(YamlMappingNode parent, string key)
        {
            var texts = Mapping(parent, key);
            return new LocalizedText(Scalar(texts, "en"), Scalar(texts, "ja"));
        }

        public Dictionary<string, LocalizedText> LocalizedByKey(YamlMappingNode texts) =>
            texts.Children.Keys.Cast<YamlScalarNode>().ToDictionary(key => key.Value!, key => Localized(texts, key.Value!));

        public VariantText Variants(YamlMappingNode parent, string key)
        {
            var variants = LocalizedByKey(Mapping(parent, key));
            return variants.ContainsKey(VariantText.DefaultVariant)
                ? new VariantText(variants)
                : throw Error($"'{key}' has no '{VariantText.DefaultVariant}' variant");
        }
    }
}
