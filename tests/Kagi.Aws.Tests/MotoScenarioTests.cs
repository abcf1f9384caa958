using System.Text.Json;

namespace Kagi.Aws.Tests;

/// <summary>
/// A test class over its own moto server, set up by its boto3 script once, before its first test (xUnit makes a class
/// instance per test; the server, its class fixture, lives as long as the class). The script starts after
/// <see cref="Prelude"/>.
/// </summary>
public abstract class MotoScenarioTests : IClassFixture<MotoServer>
{
    protected const string Region = "eu-west-1";

    /// <summary>
    /// boto3 and json imported, a KMS client, and the ARN of the AWS-managed key of a service: moto lists its alias
    /// (<c>alias/aws/rds</c> …) with the key it targets.
    /// </summary>
    private const string Prelude = """
        import boto3, json
        kms = boto3.client("kms")
        def aws_managed_key(service):
            alias = next(a for a in kms.list_aliases()["Aliases"] if a["AliasName"] == "alias/aws/" + service)
            return alias["AliasArn"].replace("alias/aws/" + service, "key/" + alias["TargetKeyId"])

        """;

    private readonly string _printed;

    protected MotoScenarioTests(MotoServer moto, string setup)
    {
        ArgumentNullException.ThrowIfNull(moto);
        Endpoint = moto.Endpoint;
        _printed = moto.SetUpOnce(Prelude + setup, Region);
    }

    protected Uri Endpoint { get; }

    /// <summary>The ARNs of the keys the script made, by name, for a script that prints them as one JSON object.</summary>
    protected IReadOnlyDictionary<string, string> Keys => JsonSerializer.Deserialize<Dictionary<string, string>>(_printed)!;

    /// <summary>The customer-managed key the script printed as <c>cmk</c>.</summary>
    protected string Cmk => Keys["cmk"];

    /// <summary>A live scan of the script's region.</summary>
    protected AwsScanResult Scan() => Scans.Run(Endpoint, null, Region);

    /// <summary>
    /// In a scan of the region, the resources <paramref name="ruleId"/> judged whose names say a verdict (<c>pass-…</c>,
    /// <c>fail-…</c>, <c>unknown-…</c>) are exactly <paramref name="names"/>, each with the status its name says; nothing
    /// was left unread.
    /// </summary>
    protected void AssertEachGetsTheVerdictItsNameSays(string ruleId, params string[] names)
    {
        var result = Scan();

        var verdicts = Scans.Verdicts(result.Inventory, ruleId).Where(verdict => Scans.SaidBy(verdict.Key) is not null).ToDictionary();
        Assert.Equal(names.Order(StringComparer.Ordinal), verdicts.Keys.Order(StringComparer.Ordinal));
        Scans.AssertEachAsNamed(verdicts);
        Assert.Empty(result.Inventory.Unscanned);
    }
}
