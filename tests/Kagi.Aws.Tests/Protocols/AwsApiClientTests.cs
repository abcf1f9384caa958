using System.Text.Json;
using Amazon.Runtime;
using Kagi.Aws.Protocols;

namespace Kagi.Aws.Tests.Protocols;

/// <summary>The protocol clients on the wire, against a local HTTP server: signing, encoding, errors, retries, paging and limits.</summary>
public sealed class AwsApiClientTests
{
    private const string Secret = "wJalrXUtnFEMI-test-secret-key";
    private const string SessionToken = "test-session-token";

    [Theory]
    [InlineData("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>")]
    [InlineData("<Response><Errors><Error><Code>AccessDenied</Code><Message>no</Message></Error></Errors><RequestID>1</RequestID></Response>")]
    public async Task A_query_error_body_gives_the_code_message_service_and_call(string body)
    {
        using var aws = LocalAws.Answering(403, body, "text/xml");
        using var client = ClientOf(AwsApi.Redshift, aws);

        var failure = await Assert.ThrowsAsync<AwsCallException>(() => client.CallAsync(AwsOperations.RedshiftDescribeClusters, [], CancellationToken.None));

        Assert.Equal((AwsFailureKind.AccessDenied, "AccessDenied", "no"), (failure.Kind, failure.Code, failure.Detail));
        Assert.Equal(("redshift", "DescribeClusters"), (failure.Service.SigningName, failure.Call));
    }

    [Theory]
    [InlineData("""{"__type":"com.amazonaws.secretsmanager#AccessDeniedException","message":"no"}""", null)]
    [InlineData("""{"Message":"no"}""", "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/")]
    public async Task A_json_error_gives_the_code_from_the_body_or_the_header(string body, string? errorType)
    {
        using var aws = LocalAws.Answering(400, body, "application/x-amz-json-1.1", errorType);
        using var client = ClientOf(AwsApi.SecretsManager, aws);

        var failure = await Assert.ThrowsAsync<AwsCallException>(() => client.CallAsync(AwsOperations.SecretsManagerListSecrets, [], CancellationToken.None));

        Assert.Equal((AwsFailureKind.AccessDenied, "AccessDeniedException", "no"), (failure.Kind, failure.Code, failure.Detail));
        Assert.Equal(("secretsmanager", "ListSecrets"), (failure.Service.SigningName, failure.Call));
    }

    [Fact]
    public async Task A_rest_json_error_names_its_service_and_call()
    {
        using var aws = LocalAws.Answering(404, """{"ErrorCode":"x","code":"FileSystemNotFound","message":"gone"}""");
        using var client = ClientOf(AwsApi.Efs, aws);

        var failure = await Assert.ThrowsAsync<AwsCallException>(() => client.CallAsync(AwsOperations.EfsDescribeFileSystems, [], CancellationToken.None));

        Assert.Equal(("FileSystemNotFound", "gone", "elasticfilesystem", "DescribeFileSystems"), (failure.Code, failure.Detail, failure.Service.SigningName, failure.Call));
    }

    [Fact]
    public async Task A_5xx_page_that_is_not_an_aws_error_fails_as_unavailable_after_the_retries()
    {
        using var aws = LocalAws.Answering(503, "<html>bad gateway</html>", "text/html");
        using var client = ClientOf(AwsApi.Sns, aws);

        var failure = await Assert.ThrowsAsync<AwsCallException>(() => client.CallAsync(AwsOperations.SnsListTopics, [], CancellationToken.None));

        Assert.Equal((AwsFailureKind.Unavailable, "Http503"), (failure.Kind, failure.Code));
        Assert.Equal(2, aws.Requests.Count);
    }

    [Fact]
    public async Task An_endpoint_whose_name_does_not_resolve_is_a_service_not_offered_asked_once()
    {
        // .invalid never resolves (RFC 6761): as a service's endpoint in a region it does not reach
        using var client = new AwsApiClient(AwsApi.Efs, Signed(AwsApi.Efs), new Uri("https://elasticfilesystem.kagi-test.invalid/"), Retry());

        var failure = await Assert.ThrowsAsync<AwsCallException>(() => client.CallAsync(AwsOperations.EfsDescribeFileSystems, [], CancellationToken.None));

        Assert.Equal((AwsFailureKind.NotOffered, "NoEndpoint"), (failure.Kind, failure.Code));
        Assert.True(failure.ServiceNotOffered);
    }

    [Theory]
    [InlineData(400, """{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}""", true)]
    [InlineData(400, """{"__type":"AccessDeniedException","message":"no"}""", false)]
    public async Task Only_a_region_that_does_not_know_the_credentials_says_the_service_is_not_offered(int status, string body, bool notOffered)
    {
        using var aws = LocalAws.Answering(status, body, "application/x-amz-json-1.1");
        using var client = ClientOf(AwsApi.Logs, aws);

        var failure = await Assert.ThrowsAsync<AwsCallException>(() => client.CallAsync(AwsOperations.LogsDescribeLogGroups, [], CancellationToken.None));

        Assert.Equal(notOffered, failure.ServiceNotOffered);
    }

    [Fact]
    public async Task Throttling_is_retried_and_each_attempt_is_signed()
    {
        var attempts = 0;
        using var aws = new LocalAws(_ => Interlocked.Increment(ref attempts) == 1
            ? new(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}""")
            : new(200, """{"logGroups":[{"logGroupName":"app","kmsKeyId":"arn:aws:kms:eu-west-1:111122223333:key/k"}]}"""));
        using var client = ClientOf(AwsApi.Logs, aws);

        var answer = await client.CallAsync(AwsOperations.LogsDescribeLogGroups, [], CancellationToken.None);

        Assert.Equal("arn:aws:kms:eu-west-1:111122223333:key/k", Assert.Single(answer.Items("logGroups")).Text("kmsKeyId"));
        Assert.Equal(2, aws.Requests.Count);
        Assert.All(aws.Requests, request => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/", request.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sns")]
    [InlineData("secretsmanager")]
    [InlineData("elasticfilesystem")]
    public async Task Every_protocol_signs_with_sigv4_for_its_service_and_region_and_never_sends_the_secret(string signingName)
    {
        var (api, operation) = AwsOperations.All.Where(candidate => candidate.Paging is not null).Select(candidate => (candidate.Api, candidate)).First(pair => pair.Api.Service.SigningName == signingName);
        using var aws = LocalAws.Answering(200, api.Protocol == AwsProtocol.Query ? $"<R><{operation.Name}Result/></R>" : "{}");
        using var client = ClientOf(api, aws);

        await client.CallAsync(operation, [], CancellationToken.None);

        var request = Assert.Single(aws.Requests);
        Assert.Matches($"^AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{{8}}/eu-west-1/{signingName}/aws4_request, SignedHeaders=[^ ]*host[^ ]*, Signature=[0-9a-f]{{64}}$", request.Headers["Authorization"]);
        Assert.Equal(SessionToken, request.Headers["X-Amz-Security-Token"]);
        Assert.DoesNotContain(request.Headers.Values, value => value.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, request.PathAndQuery + request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_protocol_puts_the_operation_and_its_input_where_its_service_reads_them()
    {
        using var aws = LocalAws.Answering(200, "{}");

        using (var query = ClientOf(AwsApi.ElastiCache, aws))
        {
            await Assert.ThrowsAsync<AwsCallException>(() => query.CallAsync(AwsOperations.ElastiCacheDescribeReplicationGroups, [new("MaxRecords", 20)], CancellationToken.None));
        }

        using (var json = ClientOf(AwsApi.Kinesis, aws))
        {
            await json.CallAsync(AwsOperations.KinesisDescribeStreamSummary, [new("StreamName", "orders")], CancellationToken.None);
        }

        using (var restJson = ClientOf(AwsApi.Efs, aws))
        {
            await restJson.CallAsync(AwsOperations.EfsDescribeFileSystems, [new("MaxItems", 2), new("Marker", "a b/c")], CancellationToken.None);
        }

        using (var restJsonBody = ClientOf(AwsApi.OpenSearch, aws))
        {
            await restJsonBody.CallAsync(AwsOperations.OpenSearchDescribeDomains, [new("DomainNames", new[] { "logs", "search" })], CancellationToken.None);
        }

        var (queryRequest, jsonRequest, restRequest, bodyRequest) = (aws.Requests[0], aws.Requests[1], aws.Requests[2], aws.Requests[3]);
        Assert.Equal(("POST", "/", "Action=DescribeReplicationGroups&Version=2015-02-02&MaxRecords=20"), (queryRequest.Method, queryRequest.PathAndQuery, queryRequest.Body));
        Assert.Equal(("POST", "Kinesis_20131202.DescribeStreamSummary", "application/x-amz-json-1.1"), (jsonRequest.Method, jsonRequest.Headers["X-Amz-Target"], jsonRequest.Headers["Content-Type"]));
        Assert.Equal("orders", JsonDocument.Parse(jsonRequest.Body).RootElement.GetProperty("StreamName").GetString());
        Assert.Equal(("GET", "/2015-02-01/file-systems?MaxItems=2&Marker=a%20b%2Fc", string.Empty), (restRequest.Method, restRequest.PathAndQuery, restRequest.Body));
        Assert.Equal(("POST", "/2021-01-01/opensearch/domain-info"), (bodyRequest.Method, bodyRequest.PathAndQuery));
        Assert.Equal("""{"DomainNames":["logs","search"]}""", bodyRequest.Body);
    }

    [Fact]
    public async Task Paging_follows_the_token_until_the_last_page()
    {
        using var aws = new LocalAws(request => JsonDocument.Parse(request.Body).RootElement.TryGetProperty("NextToken", out var token)
            ? new(200, $$"""{"SecretList":[{"Name":"after-{{token.GetString()}}"}]}""")
            : new(200, """{"SecretList":[{"Name":"first"}],"NextToken":"t1"}"""));
        using var client = ClientOf(AwsApi.SecretsManager, aws);

        var names = new List<string?>();
        await foreach (var page in client.PagesAsync(AwsOperations.SecretsManagerListSecrets, [new("MaxResults", 1)], CancellationToken.None))
        {
            names.AddRange(page.Items("SecretList").Select(secret => secret.Text("Name")));
        }

        Assert.Equal(["first", "after-t1"], names);
        Assert.All(aws.Requests, request => Assert.Equal(1, JsonDocument.Parse(request.Body).RootElement.GetProperty("MaxResults").GetInt32()));
    }

    [Fact]
    public async Task More_pages_announced_without_a_token_fail_rather_than_pass_off_a_partial_listing()
    {
        using var aws = LocalAws.Answering(200, """{"StreamNames":["a"],"HasMoreStreams":true}""");
        using var client = ClientOf(AwsApi.Kinesis, aws);

        var failure = await Assert.ThrowsAsync<AwsCallException>(() => Drain(client.PagesAsync(AwsOperations.KinesisListStreams, [], CancellationToken.None)));

        Assert.Equal((AwsFailureKind.Unparseable, "MissingToken"), (failure.Kind, failure.Code));
    }

    [Fact]
    public async Task A_token_handed_back_twice_stops_paging_with_an_error()
    {
        using var aws = LocalAws.Answering(200, "<R><ListTopicsResult><NextToken>same</NextToken></ListTopicsResult></R>", "text/xml");
        using var client = ClientOf(AwsApi.Sns, aws);

        var failure = await Assert.ThrowsAsync<AwsCallException>(() => Drain(client.PagesAsync(AwsOperations.SnsListTopics, [], CancellationToken.None)));

        Assert.Equal("RepeatedToken", failure.Code);
        Assert.Equal(2, aws.Requests.Count);
    }

    [Fact]
    public async Task An_answer_larger_than_the_bound_fails_without_being_read_whole_or_retried()
    {
        using var aws = LocalAws.Answering(200, $$"""{"repositories":[{"repositoryName":"{{new string('x', 5000)}}"}]}""");
        using var client = new AwsApiClient(AwsApi.Ecr, Signed(AwsApi.Ecr), aws.Endpoint, Retry()) { MaxAnswerBytes = 4096 };

        var failure = await Assert.ThrowsAsync<AwsCallException>(() => client.CallAsync(AwsOperations.EcrDescribeRepositories, [], CancellationToken.None));

        Assert.Equal((AwsFailureKind.Unparseable, "AnswerTooLarge"), (failure.Kind, failure.Code));
        Assert.Single(aws.Requests);
    }

    [Theory]
    [InlineData(4096, 4096, true)]
    [InlineData(4096, 4096, false)]
    [InlineData(4096, 4097, true)]
    [InlineData(4096, 4097, false)]
    [InlineData(65536, 10000, false)]
    [InlineData(65536, 65536, false)]
    [InlineData(65536, 60, true)]
    public async Task An_answer_up_to_the_bound_is_read_whole_whether_its_length_is_declared_or_chunked(int bound, int size, bool declaresLength)
    {
        const string Frame = """{"repositories":[{"repositoryName":""}]}""";
        var name = new string('x', size - Frame.Length);
        using var aws = new LocalAws(_ => new CannedAnswer(200, $$"""{"repositories":[{"repositoryName":"{{name}}"}]}""", DeclaresLength: declaresLength));
        using var client = new AwsApiClient(AwsApi.Ecr, Signed(AwsApi.Ecr), aws.Endpoint, Retry()) { MaxAnswerBytes = bound };

        if (size > bound)
        {
            var failure = await Assert.ThrowsAsync<AwsCallException>(() => client.CallAsync(AwsOperations.EcrDescribeRepositories, [], CancellationToken.None));
            Assert.Equal((AwsFailureKind.Unparseable, "AnswerTooLarge"), (failure.Kind, failure.Code));
            return;
        }

        var answer = await client.CallAsync(AwsOperations.EcrDescribeRepositories, [], CancellationToken.None);
        Assert.Equal(name, Assert.Single(answer.Items("repositories")).Text("repositoryName"));
    }

    [Fact]
    public async Task Query_answers_are_read_by_local_name_with_lists_and_maps()
    {
        using var aws = LocalAws.Answering(200, """
            <GetTopicAttributesResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <GetTopicAttributesResult><Attributes>
                <entry><key>KmsMasterKeyId</key><value>alias/app</value></entry>
                <entry><key>TopicArn</key><value>arn:aws:sns:eu-west-1:111122223333:t</value></entry>
              </Attributes></GetTopicAttributesResult>
            </GetTopicAttributesResponse>
            """, "text/xml");
        using var client = ClientOf(AwsApi.Sns, aws);

        var answer = await client.CallAsync(AwsOperations.SnsGetTopicAttributes, [new("TopicArn", "arn:aws:sns:eu-west-1:111122223333:t")], CancellationToken.None);

        Assert.Equal("alias/app", answer.Map("Attributes")["KmsMasterKeyId"]);
        Assert.Equal(2, answer.Map("Attributes").Count);
    }

    [Fact]
    public async Task Only_declared_inputs_can_be_sent_and_only_declared_paths_read()
    {
        using var aws = LocalAws.Answering(200, """{"FileSystems":[{"FileSystemId":"fs-1","SizeInBytes":{"Value":1}}]}""");
        using var client = ClientOf(AwsApi.Efs, aws);

        await Assert.ThrowsAsync<ArgumentException>(() => client.CallAsync(AwsOperations.EfsDescribeFileSystems, [new("CreationToken", "x")], CancellationToken.None));
        var item = Assert.Single((await client.CallAsync(AwsOperations.EfsDescribeFileSystems, [], CancellationToken.None)).Items("FileSystems"));

        Assert.Equal("fs-1", item.Text("FileSystemId"));
        Assert.Throws<InvalidOperationException>(() => item.Member("SizeInBytes"));
    }

    [Fact]
    public async Task A_json_member_of_an_unexpected_type_is_an_unreadable_answer()
    {
        using var aws = LocalAws.Answering(200, """{"FileSystems":[{"FileSystemId":{"nested":true}}]}""");
        using var client = ClientOf(AwsApi.Efs, aws);

        var item = Assert.Single((await client.CallAsync(AwsOperations.EfsDescribeFileSystems, [], CancellationToken.None)).Items("FileSystems"));

        Assert.Equal("UnexpectedShape", Assert.Throws<AwsCallException>(() => item.Text("FileSystemId")).Code);
    }

    [Theory]
    [InlineData("eu-west-1", "https://api.ecr.eu-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://api.ecr.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", "https://api.ecr.us-gov-west-1.amazonaws.com/")]
    [InlineData("us-iso-east-1", "https://api.ecr.us-iso-east-1.c2s.ic.gov/")]
    public void The_public_endpoint_is_the_regions_in_its_partition(string region, string expected)
    {
        Assert.Equal(new Uri(expected), AwsApiClient.EndpointFor(AwsApi.Ecr, region, new AwsEndpoints(null, _ => null)));
    }

    [Fact]
    public void A_services_own_endpoint_variable_wins_over_the_global_one_and_concerns_only_that_service()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = "http://127.0.0.1:4001/",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4000/",
        };
        var endpoints = new AwsEndpoints(null, name => variables.GetValueOrDefault(name));

        Assert.Equal(new Uri("http://127.0.0.1:4001/"), AwsApiClient.EndpointFor(AwsApi.SecretsManager, "eu-west-1", endpoints));
        Assert.Equal(new Uri("http://127.0.0.1:4000/"), AwsApiClient.EndpointFor(AwsApi.Logs, "eu-west-1", endpoints));
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), AwsApiClient.EndpointFor(AwsApi.Logs, "eu-west-1", new AwsEndpoints(new Uri("http://127.0.0.1:5000/"), variables.GetValueOrDefault)));
    }

    private static AwsApiClient ClientOf(AwsApi api, LocalAws aws) => new(api, Signed(api), aws.Endpoint, Retry());

    private static HttpClient Signed(AwsApi api) =>
        SignedHttp.Client(new SessionAWSCredentials("AKIDTEST", Secret, SessionToken), api.Service.SigningName, "eu-west-1");

    private static RetryPolicy Retry() => new(TimeProvider.System, () => 0) { MaxAttempts = 2 };

    private static async Task Drain(IAsyncEnumerable<AwsAnswer> pages)
    {
        await foreach (var _ in pages)
        {
        }
    }
}
