namespace Kagi.Core.Rules;

/// <summary>How much harm a failing result can do; lowest first.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>The outcome of judging one resource against one rule.</summary>
public enum ResultStatus
{
    Pass,
    Fail,

    /// <summary>Could not be evaluated at all: access denied, throttled out, a rule that crashed.</summary>
    Error,

    /// <summary>Failed, but muted by a suppression with a reason.</summary>
    Muted,

    /// <summary>Depends on a value that cannot be known from this source; the reason travels with it.</summary>
    Unknown,
}

/// <summary>The lower-case names used on the command line, in JSON and in the docs.</summary>
public static class StatusNames
{
    public static string ToName(this Severity severity) => severity.ToString().ToLowerInvariant();

    public static string ToName(this ResultStatus status) => status.ToString().ToUpperInvariant();

    public static bool TryParseSeverity(string? name, out Severity severity) => EnumNames.TryParse(name, ToName, out severity);

    public static bool TryParseStatus(string? name, out ResultStatus status) => EnumNames.TryParse(name, ToName, out status);
}
