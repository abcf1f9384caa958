using System.Collections.Concurrent;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.EC2;
using Amazon.KeyManagementService;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SecurityToken;
using Amazon.SQS;
using Kagi.Aws.Protocols;

namespace Kagi.Aws;

/// <summary>Makes one client per service and region, all with the same credentials, endpoints and retry policy; disposes them at the end.</summary>
public sealed class AwsClientFactory : IDisposable
{
    private readonly AWSCredentials _credentials;
    private readonly AwsEndpoints _endpoints;
    private readonly RetryPolicy _retry;
    // Keyed by the AwsService of an SDK client or the AwsApi of a protocol client: RDS has one of each.
    private readonly ConcurrentDictionary<(object Api, string Region), Lazy<IDisposable>> _clients = new();

    public AwsClientFactory(AWSCredentials credentials, AwsEndpoints endpoints, RetryPolicy retry)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(retry);
        _credentials = credentials;
        _endpoints = endpoints;
        _retry = retry;
    }

    public IAmazonSecurityTokenService Sts(string region) =>
        Get(AwsService.Sts, region, () => new AmazonSecurityTokenServiceClient(_credentials, Configure(new AmazonSecurityTokenServiceConfig(), AwsService.Sts, region)));

    public IAmazonEC2 Ec2(string region) =>
        Get(AwsService.Ec2, region, () => new AmazonEC2Client(_credentials, Configure(new AmazonEC2Config(), AwsService.Ec2, region)));

    public IAmazonKeyManagementService Kms(string region) =>
        Get(AwsService.Kms, region, () => new AmazonKeyManagementServiceClient(_credentials, Configure(new AmazonKeyManagementServiceConfig(), AwsService.Kms, region)));

    public IAmazonDynamoDB DynamoDb(string region) =>
        Get(AwsService.DynamoDb, region, () => new AmazonDynamoDBClient(_credentials, Configure(new AmazonDynamoDBConfig(), AwsService.DynamoDb, region)));

    public IAmazonSQS Sqs(string region) =>
        Get(AwsService.Sqs, region, () => new AmazonSQSClient(_credentials, Configure(new AmazonSQSConfig(), AwsService.Sqs, region)));

    // A custom endpoint (moto, the fake, LocalStack) serves buckets on its path, not as virtual hosts of its name.
    public IAmazonS3 S3(string region) =>
        Get(AwsService.S3, region, () => new AmazonS3Client(_credentials, Configure(new AmazonS3Config { ForcePathStyle = _endpoints.For(AwsService.S3) is not null }, AwsService.S3, region)));

    public RdsQueryClient Rds(string region) =>
        Get(AwsService.Rds, region, () => new RdsQueryClient(SignedHttp.Client(_credentials, AwsService.Rds.SigningName, region), _endpoints.Rds(region), _retry));

    /// <summary>The protocol client of an API without an SDK package on our feed.</summary>
    public AwsApiClient Api(AwsApi api, string region) =>
        Get(api, region, () => new AwsApiClient(api, SignedHttp.Client(_credentials, api.Service.SigningName, region), AwsApiClient.EndpointFor(api, region, _endpoints), _retry));

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(lazy => lazy.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }

    private T Get<T>(object api, string region, Func<T> create)
        where T : IDisposable =>
        (T)_clients.GetOrAdd((api, region), _ => new Lazy<IDisposable>(() => create())).Value;

    private TConfig Configure<TConfig>(TConfig config, AwsService service, string region)
        where TConfig : ClientConfig
    {
        if (_endpoints.For(service) is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        // The SDK's standard retry mode is the same policy as ours: capped exponential backoff with jitter.
        config.RetryMode = RequestRetryMode.Standard;
        config.MaxErrorRetry = _retry.MaxAttempts - 1;
        config.Timeout = _retry.AttemptTimeout;
        return config;
    }
}
