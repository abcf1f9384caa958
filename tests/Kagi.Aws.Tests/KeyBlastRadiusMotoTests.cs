using System.Text.Json;

namespace Kagi.Aws.Tests;

/// <summary>
/// The blast radius of a key, proven on moto through the CLI: a CMK protecting an RDS instance, a DynamoDB table and an
/// SQS queue lists those three in <c>kagi keys</c>; disabling it, then scheduling its deletion, fails
/// kms-key-in-use-usable naming them and the date; a CMK protecting nothing is kms-key-unused; and the key policy rule
/// reads live policies as it reads Terraform ones. moto reports its <c>aws/*</c> keys as KeyManager=CUSTOMER; no
/// assertion here concerns them (each names the keys this setup made), so that does not matter.
/// </summary>
public sealed class KeyBlastRadiusMotoTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string Setup = """
        def key(description, alias, policy=None):
            arn = kms.create_key(Description=description)["KeyMetadata"]["Arn"]
            kms.create_alias(AliasName=alias, TargetKeyId=arn)
            if policy:
                kms.put_key_policy(KeyId=arn, PolicyName="default", Policy=json.dumps({"Version": "2012-10-17", "Statement": [policy]}))
            return arn
        blast = key("protects three stores", "alias/blast")
        idle = key("protects nothing", "alias/idle")
        everyone = {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:DescribeKey", "Resource": "*"}
        describe_only = key("describe to anyone", "alias/describe-only", dict(everyone, Sid="DescribeForAnyone"))
        org_pinned = key("org only", "alias/org-pinned", dict(everyone, Sid="Org", Condition={"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}))
        unjudged = key("odd condition", "alias/unjudged", dict(everyone, Sid="Odd", Condition={"StringLike": {"aws:PrincipalAccount": "1111*"}}))
        boto3.client("rds").create_db_instance(DBInstanceIdentifier="blast-db", Engine="postgres", DBInstanceClass="db.t3.micro",
            MasterUsername="admin1", MasterUserPassword="password123", AllocatedStorage=20, StorageEncrypted=True, KmsKeyId=blast)
        boto3.client("dynamodb").create_table(TableName="blast-table", AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}], BillingMode="PAY_PER_REQUEST",
            SSESpecification={"Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": blast})
        boto3.client("sqs").create_queue(QueueName="blast-queue", Attributes={"KmsMasterKeyId": blast})
        print(json.dumps(dict(blast=blast, idle=idle, describe_only=describe_only, org_pinned=org_pinned, unjudged=unjudged)))
        """;

    [Fact]
    public void Keys_show_lists_the_three_stores_a_cmk_protects_and_the_json_counts_them_by_kind()
    {
        var inventory = Path.Combine(Directory.CreateTempSubdirectory("kagi-keys-").FullName, "inventory.json");
        Scan(inventory);

        var (showExit, show, _) = Cli.ScanAwsCommandTests.Kagi("keys", "show", "alias/blast", "--inventory", inventory);
        var dependents = show.Split('\n').Where(line => line.StartsWith("  ", StringComparison.Ordinal)).ToList();

        Assert.Equal(0, showExit);
        Assert.Equal(3, dependents.Count);
        Assert.Contains(dependents, line => line.Contains("AWS::RDS::DBInstance", StringComparison.Ordinal) && line.Contains("blast-db", StringComparison.Ordinal));
        Assert.Contains(dependents, line => line.Contains("AWS::DynamoDB::Table", StringComparison.Ordinal) && line.Contains("blast-table", StringComparison.Ordinal));
        Assert.Contains(dependents, line => line.Contains("AWS::SQS::Queue", StringComparison.Ordinal) && line.Contains("blast-queue", StringComparison.Ordinal));

        var (jsonExit, json, _) = Cli.ScanAwsCommandTests.Kagi("keys", "--inventory", inventory, "--format", "json");
        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.GetProperty("keys").EnumerateArray().ToDictionary(row => row.GetProperty("key").GetString()!, row => row.GetProperty("dependents").Clone());

        Assert.Equal(0, jsonExit);
        Assert.Equal(3, rows[Keys["blast"]].GetProperty("count").GetInt32());
        Assert.Equal(
            [("AWS::DynamoDB::Table", 1), ("AWS::RDS::DBInstance", 1), ("AWS::SQS::Queue", 1)],
            rows[Keys["blast"]].GetProperty("byKind").EnumerateObject().Select(kind => (kind.Name, kind.Value.GetInt32())).Order());
        Assert.Equal(0, rows[Keys["idle"]].GetProperty("count").GetInt32());
    }

    [Fact]
    public void A_cmk_protecting_nothing_is_unused_and_the_one_protecting_three_stores_is_not()
    {
        var findings = Findings();

        Assert.Equal("FAIL", findings[("kms-key-unused", Keys["idle"])].Status);
        Assert.Equal("PASS", findings[("kms-key-unused", Keys["blast"])].Status);
        Assert.DoesNotContain(("kms-key-in-use-usable", Keys["idle"]), findings.Keys);
    }

    [Fact]
    public void Disabling_the_key_then_scheduling_its_deletion_fails_in_use_usable_naming_the_three_dependents_and_the_date()
    {
        var blast = Keys["blast"];
        var keyId = blast.Split('/')[^1]; // moto 5.2 answers DisableKey by ARN with a 500
        Assert.Equal("PASS", Findings()[("kms-key-in-use-usable", blast)].Status);

        ExternalProcess.RunShell($"aws kms disable-key --region {Region} --key-id {keyId}", Endpoint);
        var disabled = Findings()[("kms-key-in-use-usable", blast)];

        Assert.Equal("FAIL", disabled.Status);
        Assert.Contains("Disabled", disabled.Message, StringComparison.Ordinal);
        Assert.Contains("3 scanned resource(s) (1 AWS::DynamoDB::Table, 1 AWS::RDS::DBInstance, 1 AWS::SQS::Queue)", disabled.Message, StringComparison.Ordinal);

        // The CLI prints the date as epoch seconds.
        var deletionSeconds = double.Parse(ExternalProcess.RunShell(
            $"aws kms schedule-key-deletion --region {Region} --key-id {keyId} --pending-window-in-days 7 --query DeletionDate --output text", Endpoint), System.Globalization.CultureInfo.InvariantCulture);
        var deletionDate = DateTimeOffset.FromUnixTimeSeconds((long)deletionSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var pending = Findings()[("kms-key-in-use-usable", blast)];

        Assert.Equal("FAIL", pending.Status);
        Assert.Contains($"scheduled for deletion on {deletionDate}", pending.Message, StringComparison.Ordinal);
        Assert.Contains("3 scanned resource(s)", pending.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_key_policy_is_public_when_anyone_may_describe_the_key_pinned_by_an_organisation_and_unknown_under_a_pattern()
    {
        var findings = Findings();

        Assert.Equal("FAIL", findings[("kms-key-policy-not-public", Keys["describe_only"])].Status);
        Assert.Contains("DescribeForAnyone", findings[("kms-key-policy-not-public", Keys["describe_only"])].Message, StringComparison.Ordinal);
        Assert.Equal("PASS", findings[("kms-key-policy-not-public", Keys["org_pinned"])].Status);
        Assert.Equal("UNKNOWN", findings[("kms-key-policy-not-public", Keys["unjudged"])].Status);
        Assert.Contains("Odd (aws:PrincipalAccount)", findings[("kms-key-policy-not-public", Keys["unjudged"])].Message, StringComparison.Ordinal);
        Assert.Equal("PASS", findings[("kms-key-policy-not-public", Keys["blast"])].Status);
    }

    private void Scan(string inventory)
    {
        var (exitCode, _, error) = Cli.ScanAwsCommandTests.Kagi("scan", "aws", "--endpoint-url", Endpoint.ToString(), "--region", Region, "--format", "json", "--save-inventory", inventory);
        Assert.True(exitCode is 0 or 1, error);
    }

    private Dictionary<(string Rule, string Resource), (string Status, string Message)> Findings()
    {
        var (exitCode, output, error) = Cli.ScanAwsCommandTests.Kagi("scan", "aws", "--endpoint-url", Endpoint.ToString(), "--region", Region, "--format", "json");
        Assert.True(exitCode is 0 or 1, error);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.GetProperty("findings").EnumerateArray().ToDictionary(
            f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("resource").GetProperty("id").GetString()!),
            f => (f.GetProperty("status").GetString()!, f.GetProperty("message").GetString()!));
    }
}
