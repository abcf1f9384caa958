using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Kagi.Aws.Tests.Fake;

/// <summary>
/// The tag reads: the Resource Groups Tagging API's <c>GetResources</c> (signed as <c>tagging</c>, recorded under its IAM
/// prefix <c>tag</c>, as the policy names it) and KMS <c>ListResourceTags</c>. Kept apart so the fake's per-service
/// handlers can take them over as they are.
/// </summary>
public sealed partial class FakeAws
{
    /// <summary>The service name the tagging API's calls and faults go by: its IAM prefix.</summary>
    public const string TaggingService = "tag";

    private async Task HandleTaggingAsync(HttpContext context, string region)
    {
        using var json = await JsonDocument.ParseAsync(context.Request.Body);
        var request = json.RootElement;
        var action = context.Request.Headers["X-Amz-Target"].ToString().Split('.').Last();
        var token = request.TryGetProperty("PaginationToken", out var given) ? given.GetString() : null;
        Record(new FakeCall(TaggingService, region, action, token));
        if (!_scenario.Regions.TryGetValue(region, out var fake))
        {
            await Reply(context, FakeReply.Error(FakeWire.Json, "UnrecognizedClientException", "The security token included in the request is invalid."));
            return;
        }

        if (fake.Faults.FirstOrDefault(f => f.Strikes(TaggingService, action)) is { } fault)
        {
            await ReplyFault(context, fault.Kind, FakeWire.Json);
            return;
        }

        await (action == "GetResources"
            ? Reply(context, 200, "application/x-amz-json-1.1", TaggedResources(fake, region, request))
            : Reply(context, FakeReply.Error(FakeWire.Json, "UnknownOperationException", action)));
    }

    // The region's tagged clusters, snapshots and stores of the types asked for, paged by offset; untagged ones are left out, as AWS leaves them.
    private string TaggedResources(FakeRegion fake, string region, JsonElement request)
    {
        var types = request.TryGetProperty("ResourceTypeFilters", out var filters) ? filters.EnumerateArray().Select(type => type.GetString()).ToHashSet() : [];
        bool Wanted(string type) => types.Count == 0 || types.Contains(type) || types.Contains("rds");
        var all = (Wanted("rds:cluster") ? fake.Clusters.Select(cluster => (Arn: $"arn:aws:rds:{region}:{_scenario.Account}:cluster:{cluster.Identifier}", cluster.Tags)) : [])
            .Concat(Wanted("rds:cluster-snapshot")
                ? fake.Snapshots.Where(snapshot => OwnerOf(snapshot) == _scenario.Account).Select(snapshot => (Arn: $"arn:aws:rds:{region}:{_scenario.Account}:cluster-snapshot:{snapshot.Identifier}", snapshot.Tags))
                : [])
            .Concat(fake.Stores.Select(store => (Arn: FakeApis.ArnOf(store, region, _scenario.Account), store.Tags))
                .Where(store => store.Arn is not null && Wanted(ResourceTagIndex.ResourceTypeOf(store.Arn)))
                .Select(store => (Arn: store.Arn!, store.Tags)))
            .Where(resource => resource.Tags.Count > 0)
            .ToList();
        var pageSize = Math.Min(fake.MaxPageSize, request.TryGetProperty("ResourcesPerPage", out var perPage) ? perPage.GetInt32() : 50);
        var start = request.TryGetProperty("PaginationToken", out var token) && int.TryParse(token.GetString(), CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var next = start + pageSize < all.Count ? (start + pageSize).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return JsonSerializer.Serialize(new
        {
            PaginationToken = next,
            ResourceTagMappingList = all.Skip(start).Take(pageSize).Select(resource => new { ResourceARN = resource.Arn, Tags = TagList(resource.Tags) }),
        });
    }

    private static string KmsTags(FakeKey key) => JsonSerializer.Serialize(new
    {
        Tags = key.Tags.Select(tag => new { TagKey = tag.Key, TagValue = tag.Value }),
        Truncated = false,
    });

    private static IEnumerable<object> TagList(IReadOnlyDictionary<string, string> tags) => tags.Select(tag => new { tag.Key, tag.Value });
}
