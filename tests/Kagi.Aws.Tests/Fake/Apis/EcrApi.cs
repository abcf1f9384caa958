using Kagi.Rules.Aws.Ecr.Repositories;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// ECR's <c>DescribeRepositories</c> over the region's repositories: AES256 for a store without a key, KMS with its key;
/// a store whose <c>encryptionType</c> extra says KMS without a key is on aws/ecr. A repository's tags come from
/// <c>ListTagsForResource</c>; its policies from the <c>lifecyclePolicyText</c> and <c>policyText</c> extras, and
/// without them ECR's own not-found errors.
/// </summary>
public sealed class EcrApi : IFakeApi
{
    /// <summary>The most repositories a page holds here (the API allows 1000; the fake pages sooner).</summary>
    public const int MaxPageSize = 100;

    public string SigningName => "ecr";

    public FakeWire Wire => FakeWire.Json;

    public FakeListing? ListingOf(string kind) => kind == EcrRepository.Descriptor.Type ? new("DescribeRepositories", MaxPageSize) : null;

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        switch (request.Target)
        {
            case "GetLifecyclePolicy":
                return Policy(request, region, "lifecyclePolicyText", "LifecyclePolicyNotFoundException");
            case "GetRepositoryPolicy":
                return Policy(request, region, "policyText", "RepositoryPolicyNotFoundException");
            case "ListTagsForResource":
                var arn = request.JsonString("resourceArn") ?? string.Empty;
                return Named(region, arn[(arn.IndexOf('/', StringComparison.Ordinal) + 1)..]) is { } tagged
                    ? FakeReply.Json(new { tags = tagged.Tags.Select(tag => new { Key = tag.Key, Value = tag.Value }) })
                    : NotFound(arn);
            case not "DescribeRepositories":
                return null;
        }

        var (repositories, next) = FakePaging.Page(region.StoresOf(EcrRepository.Descriptor.Type), request.JsonString("nextToken"), request.JsonInt("maxResults"), MaxPageSize);
        return FakeReply.Json(new
        {
            repositories = repositories.Select(repository => new
            {
                repositoryName = repository.Name,
                repositoryArn = $"arn:aws:ecr:{request.Region}:{scenario.Account}:repository/{repository.Name}",
                registryId = scenario.Account,
                encryptionConfiguration = new
                {
                    encryptionType = repository.Extra.GetValueOrDefault("encryptionType") ?? (repository.KmsKeyId is null ? "AES256" : "KMS"),
                    kmsKey = repository.KmsKeyId,
                },
            }),
            nextToken = next,
        });
    }

    private static FakeStore? Named(FakeRegion region, string? name) =>
        region.StoresOf(EcrRepository.Descriptor.Type).FirstOrDefault(repository => repository.Name == name);

    private static FakeReply Policy(FakeRequest request, FakeRegion region, string member, string noneCode)
    {
        var name = request.JsonString("repositoryName");
        return Named(region, name) is not { } repository ? NotFound(name)
            : repository.Extra.GetValueOrDefault(member) is { } text ? FakeReply.Json(new Dictionary<string, string> { ["repositoryName"] = repository.Name, [member] = text })
            : FakeReply.Error(FakeWire.Json, noneCode, $"no {member} for {name}");
    }

    private static FakeReply NotFound(string? name) => FakeReply.Error(FakeWire.Json, "RepositoryNotFoundException", $"no repository {name}");
}
