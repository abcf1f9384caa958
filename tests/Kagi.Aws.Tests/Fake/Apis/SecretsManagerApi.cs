using Kagi.Rules.Aws.SecretsManager.Secrets;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>Secrets Manager's <c>ListSecrets</c> over the region's secrets: <c>KmsKeyId</c> left out for one on aws/secretsmanager, as AWS does.</summary>
public sealed class SecretsManagerApi : IFakeApi
{
    /// <summary>The most secrets a page holds (the API's <c>MaxResults</c> limit).</summary>
    public const int MaxPageSize = 100;

    public string SigningName => "secretsmanager";

    public FakeWire Wire => FakeWire.Json;

    public FakeListing? ListingOf(string kind) => kind == SecretsManagerSecret.Descriptor.Type ? new("ListSecrets", MaxPageSize) : null;

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        if (request.Target != "ListSecrets")
        {
            return null;
        }

        var (secrets, next) = FakePaging.Page(region.StoresOf(SecretsManagerSecret.Descriptor.Type), request.JsonString("NextToken"), request.JsonInt("MaxResults"), MaxPageSize);
        return FakeReply.Json(new
        {
            SecretList = secrets.Select(secret => new
            {
                ARN = $"arn:aws:secretsmanager:{request.Region}:{scenario.Account}:secret:{secret.Name}-AbCdEf",
                secret.Name,
                secret.KmsKeyId,
            }),
            NextToken = next,
        });
    }
}
