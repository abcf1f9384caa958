using Kagi.Rules.Aws.Ecr.Repositories;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// ECR's <c>DescribeRepositories</c> over the region's repositories: AES256 for a store without a key, KMS with its key;
/// a store whose <c>encryptionType</c> extra says KMS without a key is on aws/ecr.
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
        if (request.Target != "DescribeRepositories")
        {
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
}
