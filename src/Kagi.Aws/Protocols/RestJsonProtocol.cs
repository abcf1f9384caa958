namespace Kagi.Aws.Protocols;

/// <summary>
/// REST-JSON: the operation's own method and path, a member the path names (<c>{FileSystemId}</c>) filled into it,
/// query-string members in the URI, the others in a JSON body.
/// </summary>
internal sealed class RestJsonProtocol : JsonProtocol
{
    public static new readonly RestJsonProtocol Instance = new();

    private RestJsonProtocol()
    {
    }

    public override HttpRequestMessage Request(Uri endpoint, AwsOperation operation, IReadOnlyList<KeyValuePair<string, object>> input)
    {
        var inQuery = operation.QueryString ?? new Dictionary<string, string>();
        var query = string.Join('&', input.Where(member => inQuery.ContainsKey(member.Key)).Select(member =>
            $"{Uri.EscapeDataString(inQuery[member.Key])}={Uri.EscapeDataString(Text(operation, member.Key, member.Value))}"));
        var inPath = input.Where(member => operation.RequestUri.Contains($"{{{member.Key}}}", StringComparison.Ordinal)).ToList();
        var path = inPath.Aggregate(operation.RequestUri, (uri, member) => uri.Replace($"{{{member.Key}}}", Uri.EscapeDataString(Text(operation, member.Key, member.Value)), StringComparison.Ordinal));
        var uri = new UriBuilder(endpoint) { Path = endpoint.AbsolutePath.TrimEnd('/') + path, Query = query }.Uri;
        var inBody = input.Where(member => !inQuery.ContainsKey(member.Key)).Except(inPath).ToList();
        return new HttpRequestMessage(new HttpMethod(operation.Method), uri)
        {
            Content = inBody.Count == 0 && operation.Method == "GET" ? null : Body(inBody, "application/json"),
        };
    }
}
