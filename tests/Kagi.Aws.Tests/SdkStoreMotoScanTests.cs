using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.DynamoDb.Tables;

namespace Kagi.Aws.Tests;

/// <summary>
/// The data stores read through AWS SDK clients, against moto: each made with boto3 on a CMK, on the service's default
/// and on the AWS-managed key, then scanned by Kagi. moto reports its <c>aws/*</c> keys as KeyManager=CUSTOMER: the
/// AWS-managed answer comes from the alias alone (ListAliases), which is what these tests rely on.
/// </summary>
public sealed class SdkStoreMotoScanTests : IClassFixture<MotoServer>
{
    private const string Region = "eu-west-1";

    private const string Setup = """
        import boto3
        kms = boto3.client("kms"); dynamodb = boto3.client("dynamodb")
        cmk = kms.create_key(Description="data store cmk")["KeyMetadata"]["Arn"]
        table = dict(AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}], BillingMode="PAY_PER_REQUEST")
        dynamodb.create_table(TableName="pass-table-cmk", SSESpecification={"Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": cmk}, **table)
        dynamodb.create_table(TableName="fail-table-aws-owned", **table)
        dynamodb.create_table(TableName="fail-table-aws-managed", SSESpecification={"Enabled": True, "SSEType": "KMS"}, **table)
        """;

    private static readonly Dictionary<Uri, bool> Prepared = [];

    private readonly MotoServer _moto;

    public SdkStoreMotoScanTests(MotoServer moto)
    {
        _moto = moto;
        lock (Prepared)
        {
            if (Prepared.TryAdd(moto.Endpoint, true))
            {
                ExternalProcess.RunPython(Setup, moto.Endpoint, Region);
            }
        }
    }

    [Fact]
    public void Dynamodb_tables_are_judged_by_their_real_key()
    {
        var result = Scans.Run(_moto.Endpoint, null, Region);

        var verdicts = Scans.Verdicts(result.Inventory, "dynamodb-table-cmk-encryption");
        Assert.Equal(ResultStatus.Pass, verdicts["pass-table-cmk"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-table-aws-owned"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-table-aws-managed"]);
        Assert.Equal(3, verdicts.Count);

        var tables = result.Inventory.Resources.OfType<DynamoDbTable>().ToDictionary(table => table.Name.Value);
        Assert.Equal("arn:aws:dynamodb:eu-west-1:123456789012:table/pass-table-cmk", tables["pass-table-cmk"].Id);
        Assert.IsType<KeyReference.AwsOwned>(tables["fail-table-aws-owned"].Key);
        Assert.Equal(KeyLevel.AwsManaged, tables["fail-table-aws-managed"].KeyLevel.Value);
        Assert.Empty(result.Inventory.Unscanned);
    }
}
