using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Findings;

/// <summary>A finding's texts in one language, with every placeholder filled for its own resource.</summary>
public sealed record FindingText(string Title, string Message, string Risk, IReadOnlyList<Fix> Fixes)
{
    public static FindingText Render(Finding finding, Language language)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var values = Placeholders.For(finding);
        var rule = finding.Rule;
        var variant = finding.Result.RemediationVariant;
        var message = rule.Messages.TryGetValue(finding.Result.MessageKey, out var text)
            ? Placeholders.Fill(text.For(ResourceSources.Of(finding.Resource)).Get(language), values, value => TextTranslation.Translate(value, language))
            : TextTranslation.Translate(finding.Result.Reason ?? finding.Result.MessageKey, language);
        if (finding.MutedBy is { } mute)
        {
            var reason = mute.Reason ?? Texts.Get(language, "common.no-reason-given");
            message += Texts.Get(language, "common.muted", ("reason", reason));
        }

        var source = ResourceSources.Of(finding.Resource);
        return new FindingText(
            rule.Title.Get(language),
            message,
            rule.Risk.Get(language),
            new FixesOnRead(() => Fill(rule, rule.Remediation.MediaFor(source), variant, values, finding.Result.Evidence, PatchTarget.Of(finding.Resource), language)));
    }

    /// <summary>
    /// The rule's fix in each of <paramref name="media"/>, for one case <paramref name="variant"/>: texts filled with
    /// <paramref name="values"/>, parts built from <paramref name="evidence"/>, a CloudFormation patch rendered for
    /// <paramref name="target"/> in its syntax.
    /// </summary>
    public static IReadOnlyList<Fix> Fill(
        RuleMetadata rule,
        IEnumerable<RemediationMedium> media,
        string? variant,
        IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string?> evidence,
        PatchTarget target,
        Language language)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(media);
        ArgumentNullException.ThrowIfNull(target);
        return [.. media.Select(medium =>
        {
            var chosen = rule.Remediation.VariantFor(medium, variant, target.Type);
            var text = medium.Fill(
                rule.Remediation.For(medium).Get(chosen).Get(language),
                values,
                rule.FixBuilder?.Build(medium, evidence, language) ?? Placeholders.NoParts,
                language);
            return medium == RemediationMedium.CloudFormation
                ? new Fix(medium, CloudFormationPatch.Render(rule.Remediation.PatchFor(chosen), text, target.LogicalId, target.Type, target.Syntax, values, language)) { CodeLanguage = target.Syntax }
                : new Fix(medium, text);
        })];
    }

    // Two renderings are equal when their texts are, fix by fix (a record compares a list by reference).
    public bool Equals(FindingText? other) =>
        other is not null && (Title, Message, Risk) == (other.Title, other.Message, other.Risk) && Fixes.SequenceEqual(other.Fixes);

    public override int GetHashCode() => HashCode.Combine(Title, Message, Risk, Fixes.Count);

    /// <summary>The fix in one medium; every rule declares the <see cref="RemediationMedium.Required"/> ones, shown as the resource's source allows.</summary>
    public string FixIn(RemediationMedium medium) =>
        Fixes.FirstOrDefault(fix => fix.Medium == medium)?.Text ?? throw new KeyNotFoundException($"no '{medium}' fix");

    /// <summary>The fix in code for a resource of <paramref name="source"/> (<see cref="RemediationMedium.CodeFor"/>), or the CLI's where the rule has no such medium.</summary>
    public Fix CodeFix(string source) =>
        Fixes.FirstOrDefault(fix => fix.Medium == RemediationMedium.CodeFor(source)) ?? Fixes.First(fix => fix.Medium == RemediationMedium.AwsCli);
}

/// <summary>
/// A finding's fixes, rendered when first read: they are most of a finding's rendering (every medium, with the fix
/// builder's parts), and most writers show none for a passing resource — half the findings of a large estate.
/// </summary>
internal sealed class FixesOnRead(Func<IReadOnlyList<Fix>> render) : IReadOnlyList<Fix>
{
    private readonly Lazy<IReadOnlyList<Fix>> _fixes = new(render);

    public int Count => _fixes.Value.Count;

    public Fix this[int index] => _fixes.Value[index];

    public IEnumerator<Fix> GetEnumerator() => _fixes.Value.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A fix in one medium, filled for one resource.</summary>
public sealed record Fix(RemediationMedium Medium, string Text)
{
    /// <summary>The language of its code fence: the medium's, or the template's syntax for a CloudFormation fix.</summary>
    public string? CodeLanguage { get; init; } = Medium.CodeLanguage;
}

/// <summary>The template resource a CloudFormation fix patches: its logical ID, its type and the template's syntax.</summary>
public sealed record PatchTarget(string LogicalId, string Type, string Syntax)
{
    /// <summary>The resource's own logical ID and syntax when it came from a template; otherwise an example named after its type.</summary>
    public static PatchTarget Of(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Declaration is { Source: ResourceSources.CloudFormation } declared
            ? new PatchTarget(declared.Name, declared.SourceType, declared.Syntax ?? CloudFormationPatch.Yaml)
            : Example(resource.Type);
    }

    /// <summary>For a rule's catalogue entry: the type's last part as the logical ID (<c>DBCluster</c>), in YAML.</summary>
    public static PatchTarget Example(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new PatchTarget(type[(type.LastIndexOf(':') + 1)..], type, CloudFormationPatch.Yaml);
    }
}

/// <summary>Fills <c>{{name}}</c> placeholders, escaping each value for where it lands.</summary>
public static partial class Placeholders
{
    public static string AsIs(string value) => value;

    /// <summary>
    /// Leaves plain identifiers bare and single-quotes anything else, so a hostile name cannot run in a pasted command.
    /// A value with a control character or a bidirectional override is ANSI-C quoted (<c>$'a\nb'</c>) instead: a
    /// literal line break would end a comment the value sits in and start a command, and an ESC would reach the terminal.
    /// </summary>
    public static string ShellWord(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (SafeShellWord().IsMatch(value))
        {
            return value;
        }

        if (!value.Any(TerminalText.IsUnsafe))
        {
            return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        }

        var quoted = new StringBuilder("$'", value.Length + 8);
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < '\u0100' when TerminalText.IsUnsafe(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ when TerminalText.IsUnsafe(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return quoted.Append('\'').ToString();
    }

    /// <summary>
    /// Escapes for the inside of an HCL quoted string, so a value cannot close the string or interpolate; other control
    /// characters and bidirectional overrides become HCL's <c>\uNNNN</c>, so none reaches a terminal raw.
    /// </summary>
    public static string HclString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when TerminalText.IsUnsafe(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return escaped.ToString().Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal);
    }

    /// <summary>No <c>{{&gt;part}}</c>s: for a rule with no <see cref="IFixBuilder"/>.</summary>
    public static IReadOnlyDictionary<string, string> NoParts { get; } = new Dictionary<string, string>();

    /// <summary>
    /// Fills prose or code for a person to read; a placeholder with no value shows as <c>&lt;name&gt;</c>. A
    /// <c>{{&gt;part}}</c> takes its built part as it is (its values are escaped already), in the same pass, so nothing
    /// a value holds is read as a placeholder; a part not built is left out.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values, Func<string, string> escape, IReadOnlyDictionary<string, string>? parts = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(escape);
        return FillSlots(template, (isPart, name) =>
            isPart ? (parts ?? NoParts).GetValueOrDefault(name, string.Empty)
            : values.TryGetValue(name, out var value) ? escape(value)
            : $"<{name}>");
    }

    /// <summary>
    /// Fills shell commands: each value is a <see cref="ShellWord"/>, and a placeholder with no value becomes an inert
    /// word in capitals (<c>REGION</c>, <c>RESOURCE_ID</c>), named in a comment above the commands, where
    /// <c>&lt;region&gt;</c> would be a redirection from a file.
    /// </summary>
    public static string FillCommand(string template, IReadOnlyDictionary<string, string> values, Language language, IReadOnlyDictionary<string, string>? parts = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var filled = FillSlots(template, (isPart, name) =>
        {
            if (isPart)
            {
                return (parts ?? NoParts).GetValueOrDefault(name, string.Empty);
            }

            if (values.TryGetValue(name, out var value))
            {
                return ShellWord(value);
            }

            var word = CapitalWord(name);
            missing.Add(word);
            return word;
        });
        if (missing.Count == 0)
        {
            return filled;
        }

        var names = string.Join(", ", missing);
        return $"# {Texts.Get(language, "common.replace-before-running", ("names", names))}\n" + filled;
    }

    // resourceId → RESOURCE_ID: letters, digits and underscores only, so the word means nothing to a shell.
    private static string CapitalWord(string name) => CamelHump().Replace(name, "$1_$2").ToUpperInvariant();

    /// <summary>
    /// The placeholders every finding offers from its resource's identity, whatever the rule's evidence; one whose value
    /// is not known (a live resource's <c>tfAddress</c>, a computed name) is left for a person to fill.
    /// </summary>
    public static IReadOnlySet<string> IdentityKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "resourceId", "tfName", "tfAddress", "name", "region", "account",
    };

    /// <summary>The values a finding's texts may use: the resource's identity, then the rule's evidence.</summary>
    public static IReadOnlyDictionary<string, string> For(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var resource = finding.Resource;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["resourceId"] = resource.Id,
            ["tfName"] = resource.Declaration is { Source: ResourceSources.Terraform } declared ? declared.Name : TerraformName(resource.Name),
        };
        Add(values, "name", resource.Name.IsKnown ? resource.Name.Value : null);
        Add(values, "region", resource.Region);
        Add(values, "account", resource.Account);
        if (resource.Declaration is { Source: ResourceSources.Terraform })
        {
            values["tfAddress"] = resource.Id;
        }

        foreach (var (key, value) in finding.Result.Evidence)
        {
            Add(values, key, value);
        }

        return values;
    }

    private static void Add(Dictionary<string, string> values, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values[key] = value;
        }
    }

    // A live resource has no Terraform name; derive one a person would write.
    private static string TerraformName(Fact<string> name)
    {
        if (!name.IsKnown)
        {
            return "this";
        }

        var cleaned = NotIdentifier().Replace(name.Value.ToLowerInvariant(), "_").Trim('_');
        return cleaned.Length == 0 || char.IsDigit(cleaned[0]) ? "r_" + cleaned : cleaned;
    }

    /// <summary>
    /// Replaces each <c>{{name}}</c> or <c>{{&gt;part}}</c> (a name is a letter, then letters and digits) by what
    /// <paramref name="slot"/> gives for it, in one pass: the replacements are not read again. Scanned by hand, not by a
    /// regular expression: every finding of a report fills several templates, and a regular expression's replace with a
    /// callback was a fifth of writing a large report.
    /// </summary>
    internal static string FillSlots(string template, Func<bool, string, string> slot)
    {
        var start = template.IndexOf("{{", StringComparison.Ordinal);
        if (start < 0)
        {
            return template;
        }

        var filled = new StringBuilder(template.Length + 256);
        var copied = 0;
        for (; start >= 0; start = template.IndexOf("{{", start + 1, StringComparison.Ordinal))
        {
            var isPart = start + 2 < template.Length && template[start + 2] == '>';
            var nameStart = start + (isPart ? 3 : 2);
            var nameEnd = nameStart;
            while (nameEnd < template.Length && (nameEnd == nameStart ? char.IsAsciiLetter(template[nameEnd]) : char.IsAsciiLetterOrDigit(template[nameEnd])))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !template.AsSpan(nameEnd).StartsWith("}}", StringComparison.Ordinal))
            {
                continue;
            }

            filled.Append(template, copied, start - copied).Append(slot(isPart, template[nameStart..nameEnd]));
            copied = nameEnd + 2;
            start = copied - 1;
        }

        return filled.Append(template, copied, template.Length - copied).ToString();
    }

    // \A and \z, not ^ and $: in .NET, $ also matches before a final line break, which would pass "name\n" unquoted.
    [GeneratedRegex(@"\A[A-Za-z0-9_./:@%+=,-]+\z")]
    private static partial Regex SafeShellWord();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex CamelHump();

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NotIdentifier();
}
