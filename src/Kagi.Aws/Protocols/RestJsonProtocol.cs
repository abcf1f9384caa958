namespace Kagi.Aws.Protocols;

/// <summary>REST-JSON: the operation's own method and path (its labels filled), query-string members in the URI, the others in a JSON body.</summary>
internal sealed class RestJsonProtocol : JsonProtocol
{
    public static new readonly RestJsonProtocol Instance = new();

    private RestJsonProtocol()
    {
    }

    public override HttpRequestMessage Request(Uri endpoint, AwsOperation operation, IReadOnlyList<KeyValuePair<string, object>> input)
    {
        var inQuery = operation.QueryString ?? new Dictionary<string, string>();
        var inPath = operation.PathLabels ?? new Dictionary<string, string>();
        var query = string.Join('&', input.Where(member => inQuery.ContainsKey(member.Key)).Select(member =>
            $"{Uri.EscapeDataString(inQuery[member.Key])}={Uri.EscapeDataString(Text(operation, member.Key, member.Value))}"));
        var path = input.Where(member => inPath.ContainsKey(member.Key)).Aggregate(operation.RequestUri, (uri, member) =>
            uri.Replace($"{{{inPath[member.Key]}}}", Uri.EscapeDataString(Text(operation, member.Key, member.Value)), StringComparison.Ordinal));
        var uri = new UriBuilder(endpoint) { Path = endpoint.AbsolutePath.TrimEnd('/') + path, Query = query }.Uri;
        var inBody = input.Where(member => !inQuery.ContainsKey(member.Key) && !inPath.ContainsKey(member.Key)).ToList();
        return new HttpRequestMessage(new HttpMethod(operation.Method), uri)
        {
            Content = inBody.Count == 0 && operation.Method == "GET" ? null : Body(inBody, "application/json"),
        };
    }
}
