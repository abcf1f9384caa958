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

    public static bool TryGet(string name, [NotNullWhen(true)] out TfFunction? function) =>
        Functions.TryGetValue(name, out function);
}
