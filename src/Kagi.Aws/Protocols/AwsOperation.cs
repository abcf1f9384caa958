namespace Kagi.Aws.Protocols;

/// <summary>How an operation pages, as botocore's <c>paginators-1.json</c> says.</summary>
/// <param name="InputToken">The input member that asks for the next page.</param>
/// <param name="OutputToken">The top-level output member that hands it back; absent or empty on the last page.</param>
/// <param name="LimitKey">The input member that sets the page size, if any.</param>
/// <param name="MoreResults">A top-level output flag that says whether more pages follow, for APIs that have one.</param>
public sealed record AwsPaging(string InputToken, string OutputToken, string? LimitKey = null, string? MoreResults = null);

/// <summary>
/// One read-only operation Kagi calls, as data: what it sends and which parts of the answer it reads. The client
/// sends no input member and reads no output path that is not named here, and a test checks every name against
/// botocore's model, so what Kagi reads is what AWS documents.
/// </summary>
/// <param name="Method">The HTTP method; always POST for the Query and JSON protocols.</param>
/// <param name="RequestUri">The request path; always <c>/</c> for the Query and JSON protocols.</param>
/// <param name="Inputs">Input members the caller may set, by their model names.</param>
/// <param name="Outputs">Output paths read: member names joined by dots from the output shape, stepping through lists.</param>
/// <param name="QueryString">For REST-JSON: input members sent in the query string, by model name, with their wire names; the rest go in the JSON body.</param>
/// <param name="PathLabels">For REST-JSON: input members sent in the path, by model name, with the label of <paramref name="RequestUri"/> each fills (<c>{backupVaultName}</c>).</param>
public sealed record AwsOperation(
    AwsApi Api,
    string Name,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    AwsPaging? Paging = null,
    string Method = "POST",
    string RequestUri = "/",
    IReadOnlyDictionary<string, string>? QueryString = null,
    IReadOnlyDictionary<string, string>? PathLabels = null)
{
    /// <summary>Whether a path is a declared output or on the way to one: what an <see cref="AwsAnswer"/> lets a caller read.</summary>
    internal bool Reads(string path) =>
        Outputs.Any(output => output.StartsWith(path, StringComparison.Ordinal) && (output.Length == path.Length || output[path.Length] == '.'));

    public override string ToString() => $"{Api} {Name}";
}
