using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Core.Rules;

/// <summary>
/// A way to apply a fix that rule metadata names under <c>remediation:</c> (<c>console</c>, <c>aws-cli</c>,
/// <c>terraform</c>, <c>cloudformation</c>): it knows how a value is escaped to land safely in its texts, how reports
/// label it, and for which resources it is shown.
/// </summary>
public sealed class RemediationMedium
{
    private readonly Func<string, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>, Language, string> _fill;

    private readonly IReadOnlySet<string> _shownFor;

    private RemediationMedium(
        string name,
        LocalizedText label,
        LocalizedText heading,
        string? codeLanguage,
        string source,
        IReadOnlySet<string> shownFor,
        Func<string, IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>, Language, string> fill)
    {
        Name = name;
        Label = label;
        Heading = heading;
        CodeLanguage = codeLanguage;
        Source = source;
        _shownFor = shownFor;
        _fill = fill;
    }

    /// <summary>Steps in the AWS console: prose, values as they are.</summary>
    public static RemediationMedium Console { get; } = new(
        "console",
        Texts.Both("reports.console"),
        Texts.Both("reports.fix-in-console"),
        codeLanguage: null,
        ResourceSources.Live,
        ResourceSources.All,
        (template, values, parts, _) => Placeholders.Fill(template, values, Placeholders.AsIs, parts));

    /// <summary>AWS CLI commands: each value one shell word, so a hostile name cannot run when pasted.</summary>
    public static RemediationMedium AwsCli { get; } = new(
        "aws-cli",
        Texts.Both("reports.aws-cli"),
        Texts.Both("reports.fix-with-cli"),
        "sh",
        ResourceSources.Live,
        ResourceSources.All,
        (template, values, parts, language) => Placeholders.FillCommand(template, values, language, parts));

    /// <summary>
    /// Terraform code: each value the inside of an HCL string, so it cannot close the string or interpolate. Shown for a
    /// live resource too (many are managed with Terraform), never for a template's.
    /// </summary>
    public static RemediationMedium Terraform { get; } = new(
        "terraform",
        Texts.Both("reports.terraform"),
        Texts.Both("reports.fix-in-terraform"),
        "hcl",
        ResourceSources.Terraform,
        new HashSet<string>(StringComparer.Ordinal) { ResourceSources.Terraform, ResourceSources.Live },
        (template, values, parts, _) => Placeholders.Fill(template, values, Placeholders.HclString, parts));

    /// <summary>
    /// The resource block of a template, patched (<see cref="ResourcePatch"/>, rendered by <see cref="CloudFormationPatch"/>
    /// in the template's syntax); its texts are the note above the block, each value on one line, since the note
    /// becomes YAML comments. Shown only for a template's resource: a live one has no logical ID to patch.
    /// </summary>
    public static RemediationMedium CloudFormation { get; } = new(
        "cloudformation",
        Texts.Both("reports.cloudformation"),
        Texts.Both("reports.fix-in-cloudformation"),
        CloudFormationPatch.Yaml,
        ResourceSources.CloudFormation,
        new HashSet<string>(StringComparer.Ordinal) { ResourceSources.CloudFormation },
        (template, values, parts, _) => Placeholders.Fill(template, values, TerminalText.Line, parts));

    /// <summary>Every medium Kagi can fill, in the order reports show them.</summary>
    public static IReadOnlyList<RemediationMedium> All { get; } = [Console, AwsCli, Terraform, CloudFormation];

    /// <summary>The media every rule must declare: the <c>console</c>, <c>cli</c> and <c>terraform</c> of the JSON contract.</summary>
    public static IReadOnlyList<RemediationMedium> Required { get; } = [Console, AwsCli, Terraform];

    /// <summary>The name rule metadata and the JSON report use, e.g. <c>aws-cli</c>.</summary>
    public string Name { get; }

    public LocalizedText Label { get; }

    /// <summary>The label as a heading that says what to do, e.g. "Fix with the AWS CLI".</summary>
    public LocalizedText Heading { get; }

    /// <summary>The language of a code fence (<c>sh</c>, <c>hcl</c>, <c>yaml</c>); null for prose. A fix may say otherwise (<see cref="Fix.CodeLanguage"/>: a JSON template's).</summary>
    public string? CodeLanguage { get; }

    /// <summary>The source whose resources this medium changes (<see cref="ResourceSources"/>): its texts may use only that source's words.</summary>
    public string Source { get; }

    public static RemediationMedium? Find(string name) => All.FirstOrDefault(medium => medium.Name == name);

    /// <summary>Whether reports show this medium's fix for a resource of <paramref name="source"/> (<see cref="ResourceSources"/>).</summary>
    public bool IsShownFor(string source) => _shownFor.Contains(source);

    /// <summary>
    /// The medium that fixes a resource of this source in code: Terraform for Terraform, CloudFormation for a template's
    /// resource, the CLI for live resources.
    /// </summary>
    public static RemediationMedium CodeFor(string source) =>
        All.FirstOrDefault(medium => medium.Source == source && medium.CodeLanguage is not null) ?? AwsCli;

    /// <summary>Fills the template's <c>{{placeholders}}</c>, each value escaped for this medium, and its <c>{{&gt;parts}}</c> as built.</summary>
    public string Fill(string template, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> parts, Language language) => _fill(template, values, parts, language);

    public override string ToString() => Name;
}
