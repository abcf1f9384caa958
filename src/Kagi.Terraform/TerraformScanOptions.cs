namespace Kagi.Terraform;

/// <summary>
/// What <c>terraform plan</c> would be given besides the configuration: <c>-var-file</c> and <c>-var</c> in the order
/// they were typed (later wins, as in Terraform), and the environment that <c>TF_VAR_name</c> variables come from.
/// They apply to every root module scanned.
/// </summary>
public sealed record TerraformScanOptions
{
    public static TerraformScanOptions Default { get; } = new();

    public IReadOnlyList<CommandLineVariable> Variables { get; init; } = [];

    /// <summary>How much work evaluating the configuration may do.</summary>
    public EvaluationLimits Limits { get; init; } = EvaluationLimits.Default;

    /// <summary>The environment to read <c>TF_VAR_</c> variables from; null means none.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// Folders and files outside those scanned that the configuration may still read (<c>--allow-outside</c>): module
    /// sources and <c>file()</c> targets elsewhere in a monorepo. Nothing outside the scanned paths and these is read.
    /// </summary>
    public IReadOnlyList<string> AllowOutside { get; init; } = [];

    /// <summary>
    /// How many module directories are parsed, and root modules evaluated, at a time: one per core. The report is the
    /// same whatever it is; tests set it to compare.
    /// </summary>
    internal int Parallelism { get; init; } = System.Environment.ProcessorCount;

    /// <summary>The process environment, for the CLI.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
}

/// <summary>One <c>--var-file FILE</c> (<see cref="IsFile"/>) or <c>--var NAME=VALUE</c>.</summary>
public sealed record CommandLineVariable(string Text, bool IsFile)
{
    public static CommandLineVariable File(string path) => new(path, IsFile: true);

    public static CommandLineVariable Assignment(string nameEqualsValue) => new(nameEqualsValue, IsFile: false);
}
