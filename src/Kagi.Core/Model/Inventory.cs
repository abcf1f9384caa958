using Kagi.Core.Localization;
using Kagi.Core.Rules;

namespace Kagi.Core.Model;

/// <summary>What a source found: the resources, and the problems it met while reading.</summary>
public sealed record Inventory(IReadOnlyList<CloudResource> Resources, IReadOnlyList<ScanDiagnostic> Diagnostics)
{
    public static Inventory Empty { get; } = new([], []);

    /// <summary>What a live scan could not read; each becomes ERROR findings rather than silence.</summary>
    public IReadOnlyList<UnscannedScope> Unscanned { get; init; } = [];

    /// <summary>This inventory of one account, every resource and unread scope carrying the account's name (none: unchanged).</summary>
    public Inventory InAccountNamed(string? name) => name is null ? this : this with
    {
        Resources = [.. Resources.Select(resource => resource with { AccountName = name })],
        Unscanned = [.. Unscanned.Select(scope => scope with { AccountName = name })],
    };
}

/// <summary>How bad a problem met while reading a source is.</summary>
public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>A problem met while reading a source: a file that does not parse, a reference that does not resolve.</summary>
public sealed record ScanDiagnostic(DiagnosticSeverity Severity, string Message, SourceLocation? Location = null)
{
    public override string ToString() => ToString(Language.En);

    /// <summary>As a person reads it in <paramref name="language"/>: the message, kept in canonical English, translated.</summary>
    public string ToString(Language language)
    {
        var message = TextTranslation.Translate(Message, language);
        return Location is null ? message : $"{Location}: {message}";
    }
}
