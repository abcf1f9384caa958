using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Localization;

namespace Kagi.Core.Rules;

/// <summary>
/// Renders a <see cref="ResourcePatch"/> as the <c>Resources</c> section of a template, in YAML (short-form tags) or
/// JSON: the finding's resource by its logical ID and type with the properties the fix sets, and the resources it adds.
/// The properties the fix leaves alone are not read back from the template, so the text says to keep them: a YAML
/// comment inside the block, or a sentence before the JSON, which has no comments. Every value is escaped for the
/// syntax, so a hostile logical ID cannot leave its string.
/// </summary>
public static partial class CloudFormationPatch
{
    public const string Yaml = "yaml";

    public const string Json = "json";

    /// <summary>What a patch's <c>Ref</c> or <c>GetAtt</c> names to refer to the patched resource itself.</summary>
    public const string SelfReference = "Self";

    /// <param name="note">The rule's note for this case, its placeholders filled; prose, shown first.</param>
    /// <param name="logicalId">The resource's logical ID, as the template writes it.</param>
    /// <param name="syntax"><see cref="Yaml"/> or <see cref="Json"/>.</param>
    /// <param name="values">Fill the <c>{{placeholders}}</c> of the patch's scalars.</param>
    public static string Render(ResourcePatch patch, string note, string logicalId, string type, string syntax, IReadOnlyDictionary<string, string> values, Language language)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(note);
        var context = new RenderContext(patch, logicalId, values);
        var keep = new List<string> { Texts.Get(language, "fixes.cloudformation-keep") };
        if (patch.Remove.Count > 0)
        {
            keep.Add(Texts.Get(language, "fixes.cloudformation-remove", ("names", string.Join(", ", patch.Remove))));
        }

        return syntax == Json
            ? $"{note.TrimEnd()}\n{string.Join("\n", keep)}\n\n{JsonBlock(context, type)}\n"
            : YamlBlock(context, type, note, keep);
    }

    /// <summary>The ID of a resource the fix adds: the resource's logical ID with only its letters and digits (all a logical ID may hold), then the suffix.</summary>
    public static string AddedId(string logicalId, string suffix)
    {
        ArgumentNullException.ThrowIfNull(logicalId);
        var stem = NotAlphanumeric().Replace(logicalId, string.Empty);
        return (stem.Length == 0 ? "Resource" : stem) + suffix;
    }

    private static string YamlBlock(RenderContext context, string type, string note, List<string> keep)
    {
        var yaml = new StringBuilder();
        foreach (var line in note.TrimEnd().Split('\n'))
        {
            yaml.Append(line.Length == 0 ? "#\n" : $"# {line}\n");
        }

        yaml.Append("Resources:\n");
        foreach (var added in context.Patch.Add)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {AddedId(context.LogicalId, added.Suffix)}:\n    Type: {YamlScalar(added.Type, plain: true)}\n");
            if (added.Properties.Count > 0)
            {
                yaml.Append("    Properties:\n");
                YamlEntries(yaml, context, added.Properties, 6);
            }
        }

        yaml.Append(CultureInfo.InvariantCulture, $"  {YamlKey(context.LogicalId)}:\n    Type: {YamlScalar(type, plain: true)}\n");
        YamlEntries(yaml, context, context.Patch.Attributes, 4);
        var comments = context.Patch.Set.Count > 0 ? 6 : 4;
        if (context.Patch.Set.Count > 0)
        {
            yaml.Append("    Properties:\n");
        }

        foreach (var line in keep)
        {
            yaml.Append(' ', comments).Append(CultureInfo.InvariantCulture, $"# {line}\n");
        }

        YamlEntries(yaml, context, context.Patch.Set, 6);
        return yaml.ToString();
    }

    private static void YamlEntries(StringBuilder yaml, RenderContext context, IReadOnlyList<PatchEntry> entries, int indent)
    {
        foreach (var entry in entries)
        {
            yaml.Append(' ', indent).Append(YamlKey(entry.Name)).Append(':');
            YamlValue(yaml, context, entry.Value, indent);
        }
    }

    // Writes what follows "key:" or "-": a scalar on the same line, a collection on the lines below.
    private static void YamlValue(StringBuilder yaml, RenderContext context, PatchValue value, int indent)
    {
        switch (value)
        {
            case PatchValue.Scalar scalar:
                yaml.Append(' ').Append(YamlScalar(context.Fill(scalar.Text), scalar.Plain)).Append('\n');
                break;
            case PatchValue.Intrinsic intrinsic:
                yaml.Append(CultureInfo.InvariantCulture, $" !{intrinsic.Function}");
                YamlValue(yaml, context, context.Resolve(intrinsic), indent);
                break;
            case PatchValue.Mapping mapping:
                yaml.Append('\n');
                YamlEntries(yaml, context, mapping.Entries, indent + 2);
                break;
            case PatchValue.Sequence sequence:
                yaml.Append('\n');
                foreach (var item in sequence.Items)
                {
                    yaml.Append(' ', indent + 2).Append('-');
                    if (item is PatchValue.Mapping { Entries.Count: > 0 } itemMapping)
                    {
                        // "- Key: value" with the next keys under the first.
                        var nested = new StringBuilder();
                        YamlEntries(nested, context, itemMapping.Entries, indent + 4);
                        yaml.Append(' ').Append(nested.ToString(indent + 4, nested.Length - indent - 4));
                    }
                    else
                    {
                        YamlValue(yaml, context, item, indent + 2);
                    }
                }

                break;
        }
    }

    private static string YamlKey(string key) => PlainKey().IsMatch(key) ? key : YamlQuoted(key);

    // Plain where the rule wrote it plain and nothing in it means anything to YAML; double-quoted otherwise.
    private static string YamlScalar(string text, bool plain) => plain && PlainScalar().IsMatch(text) ? text : YamlQuoted(text);

    private static string YamlQuoted(string text)
    {
        var quoted = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                _ when char.IsControl(c) || TerminalText.IsUnsafe(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    private static string JsonBlock(RenderContext context, string type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("Resources");
            foreach (var added in context.Patch.Add)
            {
                json.WriteStartObject(AddedId(context.LogicalId, added.Suffix));
                json.WriteString("Type", added.Type);
                if (added.Properties.Count > 0)
                {
                    json.WriteStartObject("Properties");
                    JsonEntries(json, context, added.Properties);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteStartObject(context.LogicalId);
            json.WriteString("Type", type);
            JsonEntries(json, context, context.Patch.Attributes);
            if (context.Patch.Set.Count > 0)
            {
                json.WriteStartObject("Properties");
                JsonEntries(json, context, context.Patch.Set);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void JsonEntries(Utf8JsonWriter json, RenderContext context, IReadOnlyList<PatchEntry> entries)
    {
        foreach (var entry in entries)
        {
            json.WritePropertyName(entry.Name);
            JsonValue(json, context, entry.Value);
        }
    }

    private static void JsonValue(Utf8JsonWriter json, RenderContext context, PatchValue value)
    {
        switch (value)
        {
            case PatchValue.Scalar scalar:
                var text = context.Fill(scalar.Text);
                if (scalar.Plain && text is "true" or "false")
                {
                    json.WriteBooleanValue(text == "true");
                }
                else if (scalar.Plain && JsonNumber().IsMatch(text))
                {
                    json.WriteRawValue(text);
                }
                else
                {
                    json.WriteStringValue(text);
                }

                break;
            case PatchValue.Intrinsic intrinsic:
                json.WriteStartObject();

                // JSON has no "X.Attr" form of GetAtt: the resource and the attribute are a list.
                var argument = context.Resolve(intrinsic);
                json.WritePropertyName(intrinsic.Function == "Ref" ? "Ref" : $"Fn::{intrinsic.Function}");
                JsonValue(json, context, intrinsic.Function == "GetAtt" && argument is PatchValue.Scalar attribute && attribute.Text.Split('.', 2) is [var resource, var name]
                    ? new PatchValue.Sequence([new PatchValue.Scalar(resource, false), new PatchValue.Scalar(name, false)])
                    : argument);
                json.WriteEndObject();
                break;
            case PatchValue.Mapping mapping:
                json.WriteStartObject();
                JsonEntries(json, context, mapping.Entries);
                json.WriteEndObject();
                break;
            case PatchValue.Sequence sequence:
                json.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    JsonValue(json, context, item);
                }

                json.WriteEndArray();
                break;
        }
    }

    private sealed record RenderContext(ResourcePatch Patch, string LogicalId, IReadOnlyDictionary<string, string> Values)
    {
        public string Fill(string text) => Placeholders.Fill(text, Values, Placeholders.AsIs);

        // A Ref or GetAtt naming an added resource's suffix names the added resource; naming Self, the patched resource.
        public PatchValue Resolve(PatchValue.Intrinsic intrinsic)
        {
            if (intrinsic is not { Function: "Ref" or "GetAtt", Argument: PatchValue.Scalar { Text: var target } scalar })
            {
                return intrinsic.Argument;
            }

            var parts = target.Split('.', 2);
            var resource = parts[0] == SelfReference ? LogicalId
                : Patch.Add.Any(added => added.Suffix == parts[0]) ? AddedId(LogicalId, parts[0])
                : parts[0];
            return scalar with { Text = resource + (parts.Length > 1 ? "." + parts[1] : string.Empty) };
        }
    }

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NotAlphanumeric();

    [GeneratedRegex(@"\A[A-Za-z0-9]+\z")]
    private static partial Regex PlainKey();

    // Starts with a letter or digit and does not end with a colon; no space, "#" or flow character, so YAML reads it back as the same text.
    [GeneratedRegex(@"\A[A-Za-z0-9](?:[A-Za-z0-9_./:@-]*[A-Za-z0-9_./@-])?\z")]
    private static partial Regex PlainScalar();

    [GeneratedRegex(@"\A-?(0|[1-9][0-9]*)(\.[0-9]+)?\z")]
    private static partial Regex JsonNumber();
}
