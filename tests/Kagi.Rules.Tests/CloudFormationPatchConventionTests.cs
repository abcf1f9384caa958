using System.Text.Json;
using Kagi.Core.Rules;
using Kagi.Testing;

namespace Kagi.Rules.Tests;

/// <summary>
/// Every rule whose kind a template can declare has a CloudFormation fix, and every property name a patch writes is one
/// cfn-lint's bundled schema declares for that type, so a misspelt property fails here, not in a user's stack.
/// </summary>
public sealed class CloudFormationPatchConventionTests
{
    private static readonly HashSet<string> ResourceAttributes = new(StringComparer.Ordinal) { "DeletionPolicy", "UpdateReplacePolicy" };

    [Fact]
    public void Every_rule_of_a_kind_with_a_cloudformation_mapper_declares_the_cloudformation_medium()
    {
        var mapped = KindCatalog.CloudFormationMappers.Records.Keys.ToHashSet(StringComparer.Ordinal);
        Assert.Contains("AWS::Neptune::DBCluster", mapped);
        foreach (var metadata in RuleCatalog.All.Select(entry => entry.Metadata).Where(metadata => mapped.Contains(metadata.ResourceType)))
        {
            Assert.True(metadata.Remediation.Media.Contains(RemediationMedium.CloudFormation), $"{metadata.Id}: its kind is read from templates, so it needs remediation.cloudformation");
        }
    }

    [Fact]
    public void Every_cloudformation_variant_has_its_patch_and_a_japanese_note_without_english_prose()
    {
        var declaring = RuleCatalog.All.Select(entry => entry.Metadata).Where(metadata => metadata.Remediation.Media.Contains(RemediationMedium.CloudFormation)).ToList();
        Assert.True(declaring.Count >= 40, $"only {declaring.Count} rules declare a CloudFormation fix");
        foreach (var metadata in declaring)
        {
            var notes = metadata.Remediation.For(RemediationMedium.CloudFormation).Variants;
            Assert.Equal(notes.Keys.Order(StringComparer.Ordinal), metadata.Remediation.Patches.Keys.Order(StringComparer.Ordinal));
            Assert.All(notes.Values, note => Assert.Null(EnglishSentences.FindIn(note.Ja)));
        }
    }

    [Fact]
    public void Every_property_a_patch_sets_or_removes_is_in_cfn_lints_schema_for_its_type()
    {
        var patches = RuleCatalog.All.Select(entry => entry.Metadata)
            .SelectMany(metadata => metadata.Remediation.Patches.Select(pair => (metadata.Id, Type: PatchedType(metadata, pair.Key), Patch: pair.Value)))
            .ToList();
        var schemas = CfnLint.Schemas(patches.Select(patch => patch.Type).Concat(patches.SelectMany(patch => patch.Patch.Add.Select(added => added.Type))));
        var problems = new List<string>();
        foreach (var (id, type, patch) in patches)
        {
            Check(problems, schemas, id, type, [.. patch.Set.Select(entry => entry.Name), .. patch.Remove], patch.Set);
            problems.AddRange(patch.Attributes.Where(attribute => !ResourceAttributes.Contains(attribute.Name)).Select(attribute => $"{id}: {attribute.Name} is not a resource attribute"));
            foreach (var added in patch.Add)
            {
                Check(problems, schemas, id, added.Type, [.. added.Properties.Select(entry => entry.Name)], added.Properties);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(CloudFormationPatch.Yaml)]
    [InlineData(CloudFormationPatch.Json)]
    public void Cfn_lint_accepts_every_patch_of_every_rule_as_one_template(string syntax)
    {
        // Each rule variant's patch under its own logical ID (the rule ID's letters), merged into one template: every
        // value is well typed and every intrinsic well formed.
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["minRetentionDays"] = "7" };
        var blocks = RuleCatalog.All.Select(entry => entry.Metadata)
            .SelectMany(metadata => metadata.Remediation.Patches.Keys.Select(variant => CloudFormationPatch.Render(
                metadata.Remediation.PatchFor(variant),
                "note",
                CloudFormationPatch.AddedId(metadata.Id + "-" + variant, string.Empty),
                PatchedType(metadata, variant),
                syntax,
                values,
                Language.En)))
            .ToList();
        var template = syntax == CloudFormationPatch.Json ? PatchTemplates.MergedJson(blocks) : PatchTemplates.MergedYaml(blocks);

        // A patch shows only what the fix changes, so the properties a type requires (E3003, E3017) are missing by design.
        var (accepted, output) = CfnLint.CheckText(template, syntax, "E3003", "E3017");

        Assert.True(accepted, output);
    }

    // A variant named after a CloudFormation type patches a resource of that type; the others, one of the kind's own type.
    private static string PatchedType(RuleMetadata metadata, string variant) =>
        Remediation.NamesType(variant) ? variant : metadata.ResourceType;

    // Top-level names against the type's properties; names inside a value against every name the schema declares at any depth.
    private static void Check(List<string> problems, Dictionary<string, JsonElement> schemas, string id, string type, IReadOnlyList<string> names, IReadOnlyList<PatchEntry> entries)
    {
        if (!schemas.TryGetValue(type, out var schema))
        {
            problems.Add($"{id}: cfn-lint has no schema for {type}");
            return;
        }

        var properties = schema.GetProperty("properties").EnumerateObject().Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(names.Where(name => !properties.Contains(name)).Select(name => $"{id}: {type} has no property {name}"));
        var declared = CfnLint.PropertyNamesAtAnyDepth(schema);
        var nested = new List<string>();
        foreach (var entry in entries)
        {
            NestedNames(entry.Value, nested, free: entry.Name is "KeyPolicy" or "Parameters");
        }

        problems.AddRange(nested.Where(name => !declared.Contains(name)).Select(name => $"{id}: {type} declares no {name} at any depth"));
    }

    // A policy document or a parameter map is free-form JSON: its keys are not the schema's.
    private static void NestedNames(PatchValue value, List<string> names, bool free)
    {
        switch (value)
        {
            case PatchValue.Mapping mapping when !free:
                foreach (var entry in mapping.Entries)
                {
                    names.Add(entry.Name);
                    NestedNames(entry.Value, names, free);
                }

                break;
            case PatchValue.Sequence sequence:
                foreach (var item in sequence.Items)
                {
                    NestedNames(item, names, free);
                }

                break;
        }
    }
}
