using Kagi.Rules.Aws.DynamoDb.Tables;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>DynamoDB (JSON 1.0): <c>ListTables</c>, paged by the last table name, and <c>DescribeTable</c> with its <c>SSEDescription</c>.</summary>
public sealed class DynamoDbApi : IFakeApi
{
    private const string ContentType = "application/x-amz-json-1.0";

    public string SigningName => "dynamodb";

    public FakeWire Wire => FakeWire.Json;

    public FakeListing? ListingOf(string kind) => kind == DynamoDbTable.Descriptor.Type ? new("ListTables", FakeRegion.DefaultMaxPageSize, OffsetTokens: false) : null;

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        var tables = region.StoresOf(DynamoDbTable.Descriptor.Type);
        return request.Target switch
        {
            "ListTables" => ListTables(tables, request, region.MaxPageSize),
            "DescribeTable" => tables.FirstOrDefault(table => table.Name == request.JsonString("TableName")) is { } table
                ? FakeReply.Json(new { Table = Describe(table, request.Region, scenario.Account) }, ContentType)
                : FakeReply.Error(Wire, "ResourceNotFoundException", $"Requested resource not found: Table: {request.JsonString("TableName")} not found"),
            _ => null,
        };
    }

    // DynamoDB pages by name: the next page starts after the table named by ExclusiveStartTableName.
    private static FakeReply ListTables(IReadOnlyList<FakeStore> tables, FakeRequest request, int maxPageSize)
    {
        var names = tables.Select(table => table.Name).ToList();
        var after = request.JsonString("ExclusiveStartTableName");
        var offset = after is null ? null : (names.IndexOf(after) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (page, next) = FakePaging.Page(names, offset, request.JsonInt("Limit"), maxPageSize);
        return FakeReply.Json(new { TableNames = page, LastEvaluatedTableName = next is null ? null : page[^1] }, ContentType);
    }

    // No key: DynamoDB leaves SSEDescription out (the AWS-owned key).
    private static object Describe(FakeStore table, string region, string account) => new
    {
        TableName = table.Name,
        TableArn = $"arn:aws:dynamodb:{region}:{account}:table/{table.Name}",
        TableStatus = "ACTIVE",
        ItemCount = 0,
        SSEDescription = table.KmsKeyId is null ? null : new { Status = "ENABLED", SSEType = "KMS", KMSMasterKeyArn = table.KmsKeyId },
    };
}
