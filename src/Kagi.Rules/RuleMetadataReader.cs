using Kagi.Core.Model;
using Kagi.Core.Rules;
using YamlDotNet.RepresentationModel;

namespace Kagi.Rules;

/// <summary>
/// Reads a rule's <c>.rule.yaml</c>; every missing field is an error naming the file and the field. A message is
/// <c>{en, ja}</c> in source-neutral words, plus <c>terraform: {en, ja}</c> (a key of <see cref="ResourceSources"/>)
/// where a source words it its own way; <c>remediation</c> maps each <see cref="RemediationMedium"/> by name
/// (<c>console</c>, <c>aws-cli</c>, <c>terraform</c>, <c>cloudformation</c>) to its case variants (<c>default</c>, …), each
/// <c>{en, ja}</c>; a <c>cloudformation</c> variant's text is its note, and it holds a <see cref="ResourcePatch"/>:
/// <c>set</c> and <c>attributes</c> (mappings, in the template's YAML with short-form tags), <c>remove</c> (property names)
/// and <c>add</c> (resources by logical-ID suffix, each with <c>Type</c> and <c>Properties</c>).
/// </summary>
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
            PreviousIds = root.Children.ContainsKey(new YamlScalarNode("aliases"))
                ? [.. context.Sequence(root, "aliases").Children.Select(node => ((YamlScalarNode)node).Value!)]
                : [],
            Service = context.Scalar(root, "service"),
            ResourceType = resourceType,
            Severity = severity,
            Title = context.Localized(root, "title"),
            Risk = context.Localized(root, "risk"),
            Messages = messages.Children.Keys.Cast<YamlScalarNode>().ToDictionary(key => key.Value!, key => context.Message(messages, key.Value!)),
            Remediation = context.Remediation(remediation),
            Equivalents = [.. context.Sequence(root, "equivalents").Children.Cast<YamlMappingNode>()
                .Select(item => new Equivalent(context.Scalar(item, "tool"), context.Scalar(item, "id"), context.OptionalBool(item, "keyManager")))],
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

        public bool? OptionalBool(YamlMappingNode parent, string key) =>
            !parent.Children.ContainsKey(new YamlScalarNode(key)) ? null
            : Scalar(parent, key) switch
            {
                "true" => true,
                "false" => false,
                _ => throw Error($"'{key}' must be true or false (at line {parent.Start.Line})"),
            };

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

        // en and ja are the neutral text; any other key names a source with its own wording, e.g. terraform: {en, ja}.
        public MessageText Message(YamlMappingNode messages, string key)
        {
            var texts = Mapping(messages, key);
            var sources = texts.Children.Keys.Cast<YamlScalarNode>().Select(node => node.Value!).Where(name => name is not ("en" or "ja")).ToList();
            var unknown = sources.FirstOrDefault(name => !ResourceSources.All.Contains(name));
            return unknown is null
                ? new MessageText(Localized(messages, key), sources.ToDictionary(source => source, source => Localized(texts, source)))
                : throw Error($"message '{key}' has '{unknown}', which is neither en, ja nor a source ({string.Join(", ", ResourceSources.All)})");
        }

        // An unknown medium is an error rather than skipped: Kagi would not know how to escape the values in its texts.
        public Remediation Remediation(YamlMappingNode remediation)
        {
            var byMedium = new Dictionary<RemediationMedium, VariantText>();
            foreach (var name in remediation.Children.Keys.Cast<YamlScalarNode>().Select(node => node.Value!))
            {
                var medium = RemediationMedium.Find(name)
                    ?? throw Error($"remediation '{name}' is not one of {string.Join(", ", RemediationMedium.All)}");
                byMedium[medium] = Variants(remediation, name);
            }

            var missing = RemediationMedium.Required.FirstOrDefault(medium => !byMedium.ContainsKey(medium));
            if (missing is not null)
            {
                throw Error($"remediation '{missing}' is missing");
            }

            var patches = byMedium.ContainsKey(RemediationMedium.CloudFormation)
                ? Mapping(remediation, RemediationMedium.CloudFormation.Name).Children.ToDictionary(
                    variant => ((YamlScalarNode)variant.Key).Value!,
                    variant => Patch((YamlMappingNode)variant.Value, ((YamlScalarNode)variant.Key).Value!))
                : [];
            return new Remediation(byMedium) { Patches = patches };
        }

        // A CloudFormation variant: its note (en, ja) and the patch: set, remove, attributes, add.
        private ResourcePatch Patch(YamlMappingNode variant, string name)
        {
            var unknown = variant.Children.Keys.Cast<YamlScalarNode>().Select(key => key.Value!).FirstOrDefault(key => !PatchKeys.Contains(key));
            if (unknown is not null)
            {
                throw Error($"cloudformation variant '{name}' has '{unknown}', which is none of {string.Join(", ", PatchKeys)}");
            }

            var patch = new ResourcePatch(
                Entries(variant, "set"),
                variant.Children.ContainsKey(new YamlScalarNode("remove"))
                    ? [.. Sequence(variant, "remove").Children.Select(node => node is YamlScalarNode { Value: { Length: > 0 } property } ? property : throw Error($"'remove' in cloudformation variant '{name}' must list property names"))]
                    : [],
                Entries(variant, "attributes"),
                variant.Children.ContainsKey(new YamlScalarNode("add"))
                    ? [.. Mapping(variant, "add").Children.Select(added => new AddedResource(
                        ((YamlScalarNode)added.Key).Value!,
                        Scalar((YamlMappingNode)added.Value, "Type"),
                        Entries((YamlMappingNode)added.Value, "Properties")))]
                    : []);
            return patch.Set.Count + patch.Remove.Count + patch.Add.Count > 0
                ? patch
                : throw Error($"cloudformation variant '{name}' changes nothing: give set, remove or add");
        }

        private static readonly HashSet<string> PatchKeys = new(StringComparer.Ordinal) { "en", "ja", "set", "remove", "attributes", "add" };

        private List<PatchEntry> Entries(YamlMappingNode parent, string key) =>
            parent.Children.ContainsKey(new YamlScalarNode(key))
                ? [.. Mapping(parent, key).Children.Select(entry => new PatchEntry(((YamlScalarNode)entry.Key).Value!, Value(entry.Value)))]
                : [];

        // A tag (!GetAtt, !Ref, !Sub) is an intrinsic function around the node's own value.
        private static PatchValue Value(YamlNode node) =>
            !node.Tag.IsEmpty && node.Tag.Value.StartsWith('!') ? new PatchValue.Intrinsic(node.Tag.Value[1..], Untagged(node)) : Untagged(node);

        private static PatchValue Untagged(YamlNode node) => node switch
        {
            // "{{minRetentionDays}}" is quoted only because YAML would read it as a mapping: its value decides its type.
            YamlScalarNode scalar => new PatchValue.Scalar(
                scalar.Value ?? string.Empty,
                scalar.Style == YamlDotNet.Core.ScalarStyle.Plain || (scalar.Value is { } text && text.StartsWith("{{", StringComparison.Ordinal) && text.EndsWith("}}", StringComparison.Ordinal) && text.IndexOf("{{", 2, StringComparison.Ordinal) < 0)),
            YamlSequenceNode sequence => new PatchValue.Sequence([.. sequence.Children.Select(Value)]),
            _ => new PatchValue.Mapping([.. ((YamlMappingNode)node).Children.Select(entry => new PatchEntry(((YamlScalarNode)entry.Key).Value!, Value(entry.Value)))]),
        };

        private VariantText Variants(YamlMappingNode parent, string key)
        {
            var texts = Mapping(parent, key);
            var variants = texts.Children.Keys.Cast<YamlScalarNode>().ToDictionary(variant => variant.Value!, variant => Localized(texts, variant.Value!));
            return variants.ContainsKey(VariantText.DefaultVariant)
                ? new VariantText(variants)
                : throw Error($"'{key}' has no '{VariantText.DefaultVariant}' variant");
        }
    }
}
