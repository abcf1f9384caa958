using System.Text.Json;
using Kagi.Aws.Organizations;
using Kagi.Aws.Tests.Cli;
using Kagi.Core.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// A whole organization on moto: the management account and three members made with Organizations' CreateAccount, a queue
/// in each made through an assumed role, and Kagi scanning them all from the management account by assuming the same role.
/// </summary>
public sealed class MotoOrganizationTests : IClassFixture<MotoServer>
{
    private const string Region = "eu-west-1";
    private const string Rule = "sqs-queue-cmk-encryption";

    // Each member gets a queue on a CMK of its own (prod, audit) or on SSE-SQS, the AWS-owned default (dev, the management account).
    private const string Setup = """
        import boto3, json
        org = boto3.client("organizations", region_name="us-east-1")
        org.create_organization(FeatureSet="ALL")
        accounts = {"management": boto3.client("sts").get_caller_identity()["Account"]}
        for name in ["prod", "dev", "audit"]:
            accounts[name] = org.create_account(AccountName=name, Email=name + "@example.com")["CreateAccountStatus"]["AccountId"]
        boto3.client("sqs").create_queue(QueueName="q-management")
        for name in ["prod", "dev", "audit"]:
            c = boto3.client("sts").assume_role(RoleArn="arn:aws:iam::" + accounts[name] + ":role/KagiReadOnly", RoleSessionName="setup")["Credentials"]
            member = boto3.Session(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"], aws_session_token=c["SessionToken"], region_name="eu-west-1")
            attributes = {} if name == "dev" else {"KmsMasterKeyId": member.client("kms").create_key(Description=name)["KeyMetadata"]["Arn"]}
            member.client("sqs").create_queue(QueueName="q-" + name, Attributes=attributes)
        print(json.dumps(accounts))
        """;

    private readonly MotoServer _moto;
    private readonly Dictionary<string, string> _accounts;

    public MotoOrganizationTests(MotoServer moto)
    {
        _moto = moto;
        _accounts = SetUpOnce(moto);
    }

    [Fact]
    public void Every_account_is_scanned_under_its_own_account_and_none_leaks_into_another()
    {
        // When the whole organization is scanned from the management account
        var result = Scans.Run(new LiveScanOptions { Regions = [Region], EndpointUrl = _moto.Endpoint }, new AccountSelection { AllAccounts = true, RoleName = "KagiReadOnly" });

        // Then every account was scanned, with the name Organizations gives it
        Assert.Equal(_accounts.Values.Order(StringComparer.Ordinal), result.Accounts.Select(account => account.Account).Order(StringComparer.Ordinal));
        Assert.Equal("prod", result.Accounts.Single(account => account.Account == _accounts["prod"]).Name);

        // And each queue is judged once, under its own account's ARN, by the key of its own account
        var verdicts = Scans.Judge(result.Inventory).Where(finding => finding.Rule.Id == Rule).ToDictionary(finding => finding.Resource.Id, finding => finding.Status);
        Assert.Equal(4, verdicts.Count);
        Assert.Equal(ResultStatus.Fail, verdicts[Queue("management")]);
        Assert.Equal(ResultStatus.Pass, verdicts[Queue("prod")]);
        Assert.Equal(ResultStatus.Fail, verdicts[Queue("dev")]);
        Assert.Equal(ResultStatus.Pass, verdicts[Queue("audit")]);
        Assert.All(result.Accounts, account => Assert.All(account.Result.Inventory.Resources, resource => Assert.Equal(account.Account, resource.Account)));
    }

    [Fact]
    public void The_command_line_scans_the_accounts_it_names_less_the_excluded_ones()
    {
        var (exitCode, output, _) = ScanAwsCommandTests.Kagi(
            "scan", "aws", "--endpoint-url", _moto.Endpoint.ToString(), "--region", Region, "--all-accounts", "--exclude-account", _accounts["dev"],
            "--role-name", "KagiReadOnly", "--format", "json");

        Assert.Equal(1, exitCode);
        var findings = ScanAwsCommandTests.Findings(output).Where(finding => finding.Key.Rule == Rule).ToDictionary();
        Assert.Equal(["FAIL", "PASS", "PASS"], [findings[(Rule, Queue("management"))], findings[(Rule, Queue("prod"))], findings[(Rule, Queue("audit"))]]);
        Assert.DoesNotContain(findings.Keys, key => key.Resource.Contains(_accounts["dev"], StringComparison.Ordinal));
    }

    private string Queue(string name) => $"arn:aws:sqs:{Region}:{_accounts[name]}:q-{name}";

    private static readonly Dictionary<Uri, Dictionary<string, string>> Prepared = [];

    // xUnit makes a test class instance per test; the emulator is set up once per server.
    private static Dictionary<string, string> SetUpOnce(MotoServer moto)
    {
        lock (Prepared)
        {
            if (!Prepared.TryGetValue(moto.Endpoint, out var accounts))
            {
                accounts = JsonSerializer.Deserialize<Dictionary<string, string>>(ExternalProcess.RunPython(Setup, moto.Endpoint, Region))!;
                Prepared[moto.Endpoint] = accounts;
            }

            return accounts;
        }
    }
}
