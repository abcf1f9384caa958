using Kagi.Aws.Protocols;

namespace Kagi.Aws.Tests.Protocols;

/// <summary>The protocol clients list what boto3 made in moto, an independent implementation of the wire formats, across pages where moto honours page sizes.</summary>
public sealed class MotoProtocolTests : IClassFixture<MotoEstate>
{
    private readonly MotoEstate _estate;

    public MotoProtocolTests(MotoEstate estate) => _estate = estate;

    public static TheoryData<string, int?, string, string, string, string, int> Listings => new()
    {
        // operation, page size, list, name member, key path, the one resource on the CMK, pages at least
        { "rds DescribeDBInstances", null, "DBInstances", "DBInstanceIdentifier", "KmsKeyId", "db-cmk", 1 },
        { "rds DescribeDBClusters", null, "DBClusters", "DBClusterIdentifier", "KmsKeyId", "aurora-cmk", 1 },
        { "redshift DescribeClusters", null, "Clusters", "ClusterIdentifier", "KmsKeyId", "warehouse", 1 },
        { "elasticache DescribeReplicationGroups", null, "ReplicationGroups", "ReplicationGroupId", "KmsKeyId", "cache", 1 },
        { "secretsmanager ListSecrets", 2, "SecretList", "Name", "KmsKeyId", "secret-cmk", 2 },
        { "logs DescribeLogGroups", 2, "logGroups", "logGroupName", "kmsKeyId", "group-cmk", 2 },
        { "ecr DescribeRepositories", null, "repositories", "repositoryName", "encryptionConfiguration.kmsKey", "repo-cmk", 1 },
        { "backup ListBackupVaults", null, "BackupVaultList", "BackupVaultName", "EncryptionKeyArn", "vault-cmk", 1 },
        { "elasticfilesystem DescribeFileSystems", 2, "FileSystems", "FileSystemId", "KmsKeyId", "(the CMK file system)", 2 },
    };

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Every_page_is_listed_and_the_key_is_read_where_one_is_set(string name, int? pageSize, string list, string nameMember, string keyPath, string withCmk, int minimumPages)
    {
        var operation = AwsOperations.All.Single(candidate => candidate.ToString() == name);
        using var clients = _estate.Clients();
        var client = clients.Api(operation.Api, MotoEstate.Region);
        var input = pageSize is { } size ? [new(operation.Paging!.LimitKey!, size)] : Array.Empty<KeyValuePair<string, object>>();

        var pages = 0;
        var keys = new Dictionary<string, string?>();
        await foreach (var page in client.PagesAsync(operation, input, CancellationToken.None))
        {
            pages++;
            foreach (var item in page.Items(list))
            {
                keys.Add(item.Text(nameMember)!, Read(item, keyPath));
            }
        }

        Assert.InRange(pages, minimumPages, int.MaxValue);
        var expected = withCmk.StartsWith('(') ? _estate.FileSystemWithCmk : withCmk;
        Assert.Equal(_estate.Cmk, keys[expected]);
        Assert.DoesNotContain(keys, entry => entry.Key != expected && entry.Value == _estate.Cmk);
    }

    [Fact]
    public async Task Sns_topics_are_paged_by_token_and_their_key_is_an_attribute()
    {
        using var clients = _estate.Clients();
        var sns = clients.Api(AwsApi.Sns, MotoEstate.Region);

        var pages = 0;
        var topics = new List<string>();
        await foreach (var page in sns.PagesAsync(AwsOperations.SnsListTopics, [], CancellationToken.None))
        {
            pages++;
            topics.AddRange(page.Items("Topics").Select(topic => topic.Text("TopicArn")!));
        }

        // moto answers 100 topics a page, as SNS does
        Assert.Equal((2, 101), (pages, topics.Distinct().Count()));
        var withCmk = topics.Single(arn => arn.EndsWith(":topic-cmk", StringComparison.Ordinal));
        var attributes = await sns.CallAsync(AwsOperations.SnsGetTopicAttributes, [new("TopicArn", withCmk)], CancellationToken.None);
        Assert.Equal(_estate.Cmk, attributes.Map("Attributes")["KmsMasterKeyId"]);
    }

    [Fact]
    public async Task Kinesis_streams_are_listed_then_described_one_by_one()
    {
        using var clients = _estate.Clients();
        var kinesis = clients.Api(AwsApi.Kinesis, MotoEstate.Region);

        var names = new List<string>();
        await foreach (var page in kinesis.PagesAsync(AwsOperations.KinesisListStreams, [new("Limit", 100)], CancellationToken.None))
        {
            names.AddRange(page.Texts("StreamNames"));
        }

        Assert.Equal(["stream-cmk", "stream-plain"], names.Order(StringComparer.Ordinal));
        var summary = (await kinesis.CallAsync(AwsOperations.KinesisDescribeStreamSummary, [new("StreamName", "stream-cmk")], CancellationToken.None)).Member("StreamDescriptionSummary")!;
        Assert.Equal(("KMS", _estate.Cmk), (summary.Text("EncryptionType"), summary.Text("KeyId")));
    }

    [Fact]
    public async Task OpenSearch_domains_are_named_then_described_in_a_batch()
    {
        using var clients = _estate.Clients();
        var opensearch = clients.Api(AwsApi.OpenSearch, MotoEstate.Region);

        var names = (await opensearch.CallAsync(AwsOperations.OpenSearchListDomainNames, [], CancellationToken.None)).Items("DomainNames").Select(domain => domain.Text("DomainName")!).ToList();
        var described = await opensearch.CallAsync(AwsOperations.OpenSearchDescribeDomains, [new("DomainNames", names)], CancellationToken.None);

        Assert.Equal(["search-cmk", "search-plain"], names.Order(StringComparer.Ordinal));
        var keys = described.Items("DomainStatusList").ToDictionary(domain => domain.Text("DomainName")!, domain => domain.Member("EncryptionAtRestOptions")?.Text("KmsKeyId"));
        Assert.Equal(_estate.Cmk, keys["search-cmk"]);
        Assert.NotEqual(_estate.Cmk, keys["search-plain"]);
    }

    [Fact]
    public async Task A_services_own_endpoint_variable_reaches_it_while_the_others_keep_their_public_endpoint()
    {
        var endpoints = new AwsEndpoints(null, variable => variable == "AWS_ENDPOINT_URL_SECRETS_MANAGER" ? _estate.Moto.Endpoint.ToString() : null);
        using var clients = _estate.Clients(endpoints);

        var secrets = clients.Api(AwsApi.SecretsManager, MotoEstate.Region);
        var answer = await secrets.CallAsync(AwsOperations.SecretsManagerListSecrets, [], CancellationToken.None);

        Assert.Contains(answer.Items("SecretList"), secret => secret.Text("Name") == "secret-cmk");
        Assert.Equal(new Uri("https://logs.eu-west-1.amazonaws.com/"), clients.Api(AwsApi.Logs, MotoEstate.Region).Endpoint);
    }

    [Fact]
    public async Task Tags_of_a_query_answer_are_read_as_a_list_of_structures()
    {
        using var clients = _estate.Clients();
        var rds = clients.Api(AwsApi.Rds, MotoEstate.Region);

        var instances = (await rds.CallAsync(AwsOperations.RdsDescribeDBInstances, [], CancellationToken.None)).Items("DBInstances");

        var tagged = instances.Single(instance => instance.Text("DBInstanceIdentifier") == "db-cmk");
        Assert.Equal(("true", "owner", "data"), (tagged.Text("StorageEncrypted"), tagged.Items("TagList").Single().Text("Key"), tagged.Items("TagList").Single().Text("Value")));
        Assert.Equal("false", instances.Single(instance => instance.Text("DBInstanceIdentifier") == "db-plain").Text("StorageEncrypted"));
    }

    private static string? Read(AwsAnswer item, string path)
    {
        var members = path.Split('.');
        return members[..^1].Aggregate<string, AwsAnswer?>(item, (structure, member) => structure?.Member(member))?.Text(members[^1]);
    }
}
