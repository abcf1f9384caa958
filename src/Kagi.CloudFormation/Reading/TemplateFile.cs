using System.Text;
using Kagi.Core.Files;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.CloudFormation.Reading;

/// <summary>
/// A file read as a template, YAML or JSON (told apart by the first character, since JSON is also YAML but YAML's
/// parser does not read every JSON escape as JSON does), and whether its content makes it a CloudFormation template.
/// </summary>
internal static class TemplateFile
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json", ".template"];

    /// <summary>Whether a file's name lets it hold a template: Terraform's <c>.tf.json</c> never does.</summary>
    public static bool MayHoldTemplate(string path) =>
        !path.EndsWith(".tf.json", StringComparison.OrdinalIgnoreCase)
        && Extensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>The file's root node; null for an empty file.</summary>
    /// <remarks>Read through <see cref="HostEntry"/>: a regular file, counted while read (files in /proc say they are empty).</remarks>
    /// <exception cref="TemplateReadException">The file is too large or does not parse.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TemplateNode? Read(HostEntry file) => ReadWithSyntax(file).Root;

    /// <summary>The file's root node, and its syntax: <see cref="CloudFormationPatch.Json"/> or <see cref="CloudFormationPatch.Yaml"/>, which a fix is written in.</summary>
    /// <inheritdoc cref="Read" path="/exception"/>
    public static (TemplateNode? Root, string Syntax) ReadWithSyntax(HostEntry file)
    {
        var text = file.ReadText(TemplateLimits.MaxTemplateBytes) ?? throw new TemplateReadException(TemplateTexts.TooLarge(), 1);
        var first = text.AsSpan().IndexOfAnyExcept(" \t\r\n");
        return first >= 0 && text[first] == '{'
            ? (JsonTemplateReader.Read(Encoding.UTF8.GetBytes(text)), CloudFormationPatch.Json)
            : (YamlTemplateReader.Read(text), CloudFormationPatch.Yaml);
    }

    /// <summary>A template by content: <c>AWSTemplateFormatVersion</c>, or <c>Resources</c> holding a <c>Type: AWS::…</c>.</summary>
    public static bool IsTemplate(TemplateNode? root) =>
        root is MappingNode mapping
        && (mapping.Get("AWSTemplateFormatVersion") is not null
            || mapping.Get("Resources") is MappingNode resources && resources.Entries.Any(entry =>
                entry.Value is MappingNode resource && resource.Get("Type") is ScalarNode { Value: { } type } && type.StartsWith("AWS::", StringComparison.Ordinal)));

    /// <summary>Whether text that did not parse still looks like a template, so its error is worth reporting in a folder.</summary>
    public static bool LooksLikeTemplate(HostEntry file)
    {
        using var reader = new StreamReader(file.RealPath);
        var buffer = new char[64 * 1024];
        var head = buffer.AsSpan(0, reader.ReadBlock(buffer));
        return head.Contains("AWSTemplateFormatVersion", StringComparison.Ordinal)
            || (head.Contains("Resources", StringComparison.Ordinal) && head.Contains("AWS::", StringComparison.Ordinal));
    }

}
