using System.Diagnostics.CodeAnalysis;

namespace Kagi.Terraform.Functions;

/// <summary>The Terraform functions the evaluator knows, by name.</summary>
internal static class FunctionTable
{
    private static readonly Dictionary<string, TfFunction> Functions = new[]
        {
            StringFunctions.All,
            CollectionFunctions.All,
            NumericFunctions.All,
            EncodingFunctions.All,
            FileFunctions.All,
        }
        .SelectMany(group => group)
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    // Terraform's other built-in functions. A call to one is unknown, not an error: the code is valid, Kagi just
    // does not compute it (timestamp() and uuid() cannot be known before apply anyway).
    private static readonly HashSet<string> NotEvaluated = new(StringComparer.Ordinal)
    {
        "base64gzip", "base64sha256", "base64sha512", "bcrypt", "chunklist", "cidrhost", "cidrnetmask", "cidrsubnet",
        "cidrsubnets", "csvdecode", "filebase64", "filebase64sha256", "filebase64sha512", "filemd5", "fileset", "filesha1",
        "filesha256", "filesha512", "formatdate", "formatlist", "indent", "issensitive", "log", "matchkeys",
        "parseint", "pathexpand", "plantimestamp", "regex", "regexall", "rsadecrypt", "setproduct",
        "setsubtract", "templatestring", "textdecodebase64", "textencodebase64", "timeadd", "timecmp",
        "timestamp", "transpose", "type", "urlencode", "uuid", "uuidv5", "yamlencode", "abspath",
        "ephemeralasnull",
    };

    /// <summary>The names of the functions Kagi computes.</summary>
    public static IEnumerable<string> Names => Functions.Keys;

    public static bool TryGet(string name, [NotNullWhen(true)] out TfFunction? function) =>
        Functions.TryGetValue(name, out function);

    /// <summary>A real Terraform function (built-in or provider-defined) that Kagi does not compute.</summary>
    public static bool IsNotEvaluated(string name) =>
        NotEvaluated.Contains(name) || name.StartsWith("provider::", StringComparison.Ordinal);
}
