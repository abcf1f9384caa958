using System.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kagi.Aws.Tests.Fake;

/// <summary>
/// One AWS API the fake serves besides the built-in RDS, KMS and STS: found by reflection like Kagi's collectors, so a
/// new kind adds its API as one file (<c>Fake/Apis/…</c>) and its resources as <see cref="FakeStore"/>s of a region.
/// </summary>
/// <remarks>An implementation has a public parameterless constructor and holds no state: the scenario is passed in.</remarks>
public interface IFakeApi
{
    /// <summary>The SigV4 signing name the fake routes by, e.g. <c>dynamodb</c>, <c>sqs</c>, <c>logs</c>.</summary>
    string SigningName { get; }

    /// <summary>How errors are written: each protocol has its own error body.</summary>
    FakeWire Wire { get; }

    /// <summary>The operation a request calls; REST APIs name it from the method and path.</summary>
    string ActionOf(FakeRequest request) => request.Target ?? request.Form?["Action"].ToString() ?? $"{request.Method} {request.Path}";

    /// <summary>Whether an operation answers from any region, enabled or not, as an account-wide call does (EC2 <c>DescribeRegions</c>).</summary>
    bool IsAccountWide(string action) => false;

    /// <summary>The answer, or null for an operation the fake does not serve.</summary>
    FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario);

    /// <summary>
    /// The ARN of a store this API serves, as the tagging API's <c>GetResources</c> names it; null for a store of another
    /// kind, or for an API whose stores the fake's tag listing does not hold.
    /// </summary>
    string? ArnOf(FakeStore store, string region, string account) => null;

    /// <summary>How this API pages the resources of one kind (its CloudFormation type); null for a kind it does not serve.</summary>
    FakeListing? ListingOf(string kind) => null;
}

/// <summary>The call that pages through a kind's resources and the most resources one answer holds.</summary>
/// <param name="OffsetTokens">Whether each page after the first is asked for by the offset the previous one answered (<see cref="FakePaging"/>), as the fake records it.</param>
public sealed record FakeListing(string Action, int PageSize, bool OffsetTokens = true);

/// <summary>The wire protocols of the APIs Kagi calls.</summary>
public enum FakeWire
{
    /// <summary>Form-encoded requests, XML answers (RDS, SNS, Redshift, ElastiCache).</summary>
    Query,

    /// <summary>EC2's own Query dialect: form-encoded requests, XML answers without a result wrapper, errors under <c>Response/Errors</c>.</summary>
    Ec2,

    /// <summary>JSON 1.0/1.1 with <c>X-Amz-Target</c> (DynamoDB, Secrets Manager, Logs, Kinesis, ECR, SQS).</summary>
    Json,

    /// <summary>JSON bodies on REST paths, errors named by <c>x-amzn-ErrorType</c> (Backup, OpenSearch, EFS).</summary>
    RestJson,

    /// <summary>XML bodies on REST paths (S3).</summary>
    RestXml,
}

/// <summary>One request as an API handler sees it.</summary>
/// <param name="Target">The operation named by <c>X-Amz-Target</c> (after the last dot), for JSON APIs.</param>
/// <param name="Json">The JSON body, for JSON and REST-JSON APIs that send one.</param>
/// <param name="Form">The form, for Query APIs.</param>
public sealed record FakeRequest(
    string Service,
    string Region,
    string Method,
    string Path,
    IQueryCollection Query,
    string? Target,
    JsonElement? Json,
    IFormCollection? Form)
{
    /// <summary>A string member of the JSON body, or null.</summary>
    public string? JsonString(string member) =>
        Json is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integer member of the JSON body, or null.</summary>
    public int? JsonInt(string member) =>
        Json is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}

/// <summary>A status, content type and body.</summary>
public sealed record FakeReply(int Status, string ContentType, string Body)
{
    public static FakeReply Json(object body, string contentType = "application/x-amz-json-1.1") => new(200, contentType, JsonSerializer.Serialize(body, FakeAws.OmitNulls));

    public static FakeReply Xml(string body) => new(200, "text/xml", body);

    /// <summary>An error as <paramref name="wire"/> writes it; <paramref name="status"/> as AWS sends it for the code.</summary>
    public static FakeReply Error(FakeWire wire, string code, string message, int status = 400) => wire switch
    {
        FakeWire.Query => new(status, "text/xml", FakeAws.QueryError(code, message, status >= 500 ? "Receiver" : "Sender")),
        FakeWire.Ec2 => new(status, "text/xml", $"<Response><Errors><Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error></Errors><RequestID>{Guid.NewGuid()}</RequestID></Response>"),
        FakeWire.Json => new(status, "application/x-amz-json-1.1", JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = code, ["message"] = message })),
        FakeWire.RestJson => new(status, "application/json", JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = code, ["message"] = message })),
        FakeWire.RestXml => new(status, "application/xml", $"<Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message><RequestId>{Guid.NewGuid()}</RequestId></Error>"),
        _ => throw new ArgumentOutOfRangeException(nameof(wire)),
    };
}

/// <summary>
/// A data store of any of the kinds judged by their key (tables, queues, buckets, …), as the fake holds it: each API
/// handler serves the stores of its <see cref="Kind"/> (the CloudFormation type) in its own wire format.
/// </summary>
/// <param name="KmsKeyId">The key as the API returns it (ARN, ID or alias); null for none.</param>
public sealed record FakeStore(string Kind, string Name, bool Encrypted = true, string? KmsKeyId = null)
{
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Whatever else one kind needs (an engine, an SSE type), by the API's own member name.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();
}

/// <summary>Pages a listing the way most AWS APIs do: an opaque token that is the offset of the next page.</summary>
public static class FakePaging
{
    public static (IReadOnlyList<T> Items, string? NextToken) Page<T>(IReadOnlyList<T> all, string? token, int? requested, int maxPageSize)
    {
        ArgumentNullException.ThrowIfNull(all);
        var size = Math.Min(maxPageSize, requested is > 0 ? requested.Value : maxPageSize);
        var start = int.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var next = start + size < all.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return ([.. all.Skip(start).Take(size)], next);
    }
}

/// <summary>The API handlers in this assembly, by signing name.</summary>
internal static class FakeApis
{
    private static readonly Dictionary<string, IFakeApi> BySigningName = typeof(FakeApis).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IFakeApi).IsAssignableFrom(type))
        .Select(type => (IFakeApi)Activator.CreateInstance(type)!)
        .ToDictionary(api => api.SigningName, StringComparer.Ordinal);

    public static IFakeApi? For(string signingName) => BySigningName.GetValueOrDefault(signingName);

    /// <summary>The ARN a store goes by, from whichever API serves its kind; null when none says.</summary>
    public static string? ArnOf(FakeStore store, string region, string account) =>
        BySigningName.Values.Select(api => api.ArnOf(store, region, account)).FirstOrDefault(arn => arn is not null);

    /// <summary>How the API that serves a kind pages it; null when none does.</summary>
    public static FakeListing? ListingOf(string kind) =>
        BySigningName.Values.Select(api => api.ListingOf(kind)).FirstOrDefault(listing => listing is not null);
}
