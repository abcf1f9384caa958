using System.Text.Json;
using System.Text.RegularExpressions;
using Kagi.Rules;
using Kagi.Testing;

namespace Kagi.Aws.Tests;

/// <summary>docs/iam-policy.json is exactly what Kagi calls, and Kagi calls nothing that writes.</summary>
public sealed partial class IamPolicyTests : IClassFixture<FakeAccountScan>
{
    private readonly FakeAccountScan _scan;

    public IamPolicyTests(FakeAccountScan scan) => _scan = scan;

    [Fact]
    public void Every_action_a_full_scan_calls_is_in_the_policy_and_the_policy_grants_nothing_unused()
    {
        // Given a scan of every region, through every path (regions, paging, aliases, keys, failures)
        var called = _scan.Fake.Calls.Select(call => IamAction(call.Service, call.Action)).ToHashSet();

        // Then the policy lists exactly those actions
        Assert.Equal(called.Order(StringComparer.Ordinal), PolicyActions().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_call_a_collector_declares_is_an_action_of_the_policy()
    {
        var granted = PolicyActions();

        var missing = KindCatalog.LiveCollectors
            .SelectMany(collector => collector.Calls.Select(call => (Collector: collector.GetType().Name, Action: collector.Service.IamAction(call))))
            .Where(declared => !granted.Contains(declared.Action))
            .Select(declared => $"{declared.Collector} calls {declared.Action}, which docs/iam-policy.json does not grant");

        Assert.NotEmpty(KindCatalog.LiveCollectors.SelectMany(collector => collector.Calls));
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_call_a_full_scan_makes_to_a_collectors_own_service_is_one_a_collector_declares()
    {
        // Given the calls of a full scan to the services only collectors call (STS, EC2, KMS and the tag listing are the scan's own)
        var machinery = new[] { AwsService.Sts, AwsService.Ec2, AwsService.Kms }.Select(service => service.SigningName).Append(Fake.FakeAws.TaggingService);
        var declared = KindCatalog.LiveCollectors.SelectMany(collector => collector.Calls.Select(call => $"{collector.Service.SigningName}:{call}")).ToHashSet();
        var called = _scan.Fake.Calls.Where(call => !machinery.Contains(call.Service)).Select(call => $"{call.Service}:{call.Action}").ToHashSet();

        // Then a collector declares each of them, so the policy check above sees every call
        Assert.NotEmpty(called);
        Assert.Empty(called.Except(declared));
    }

    [Fact]
    public void Every_sdk_request_in_the_code_is_an_action_of_the_policy()
    {
        // An operation is granted when its IAM action is, under whatever name the service gives it, in the per-account
        // policy or, for what the organization scan's caller does (AssumeRole), in the organization policy
        var policy = PolicyActions().Union(PolicyActions("iam-policy-organization.json")).ToHashSet();
        var granted = policy.Select(action => action.Split(':')[1])
            .Concat(Services.Values.SelectMany(service => service.IamActionNames.Keys.Where(operation => policy.Contains(service.IamAction(operation)))))
            .ToHashSet();

        var sources = SourceFiles().Select(File.ReadAllText).ToList();
        var ownTypes = sources.SelectMany(source => OwnRequestType().Matches(source).Select(match => match.Groups[1].Value));
        var requested = sources.SelectMany(source => SdkRequest().Matches(source).Select(match => match.Groups[1].Value)).Except(ownTypes).ToHashSet();

        Assert.NotEmpty(requested);
        Assert.Empty(requested.Except(granted));
    }

    [Fact]
    public void The_member_role_template_grants_the_per_account_policy_and_cfn_lint_accepts_it()
    {
        // The role a StackSet deploys in every member account carries docs/iam-policy.json itself, not a copy that can drift
        var template = Path.Combine(RepoPaths.Root, "docs", "kagi-member-role.template.json");
        using var document = JsonDocument.Parse(File.ReadAllText(template));
        var inline = document.RootElement.GetProperty("Resources").GetProperty("KagiReadOnlyRole").GetProperty("Properties").GetProperty("Policies")[0].GetProperty("PolicyDocument");
        using var policy = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "iam-policy.json")));
        Assert.True(JsonElement.DeepEquals(policy.RootElement, inline), "the template's policy differs from docs/iam-policy.json");

        using var lint = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("cfn-lint", [template]) { RedirectStandardOutput = true })!;
        var findings = lint.StandardOutput.ReadToEnd();
        lint.WaitForExit();
        Assert.True(lint.ExitCode == 0, findings);
    }

    [Fact]
    public void No_code_anywhere_makes_a_write_call()
    {
        var writes = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => WriteCall().Matches(File.ReadAllText(file)).Select(match => $"{Path.GetFileName(file)}: {match.Value}"))
            .ToList();

        Assert.Empty(writes);
    }

    private static readonly IReadOnlyDictionary<string, AwsService> Services = KindCatalog.LiveCollectors.Select(collector => collector.Service)
        .Concat([AwsService.Sts, AwsService.Ec2, AwsService.Kms])
        .DistinctBy(service => service.SigningName)
        .ToDictionary(service => service.SigningName, StringComparer.Ordinal);

    // The IAM action a call the fake received needs.
    private static string IamAction(string service, string operation) =>
        Services.TryGetValue(service, out var known) ? known.IamAction(operation) : $"{service}:{operation}";

    // The live machinery and the catalogue's collectors: the two places that call AWS.
    private static IEnumerable<string> SourceFiles() =>
        new[] { "Kagi.Aws", "Kagi.Rules" }.SelectMany(project => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", project), "*.cs", SearchOption.AllDirectories));

    /// <summary>The actions a policy in docs/ grants: the per-account one, or the organization scanner's.</summary>
    internal static HashSet<string> PolicyActions(string file = "iam-policy.json")
    {
        using var policy = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", file)));
        return policy.RootElement.GetProperty("Statement").EnumerateArray()
            .SelectMany(statement => statement.GetProperty("Action").EnumerateArray().Select(action => action.GetString()!))
            .ToHashSet();
    }

    // "new DescribeKeyRequest" -> DescribeKey
    [GeneratedRegex(@"new (\w+)Request\b")]
    private static partial Regex SdkRequest();

    [GeneratedRegex(@"(?:record|class) (\w+)Request\b")]
    private static partial Regex OwnRequestType();

    // An AWS SDK write operation as a request type or client method, or a Query action of the same verbs where an action is named.
    [GeneratedRegex(@"\b(Create|Delete|Put|Update|Modify|Schedule|Cancel|Disable|Enable|Tag|Untag|Restore|Copy|Reboot|Start|Stop|Failover|Promote|Encrypt|Decrypt|ReEncrypt|GenerateDataKey|Sign|Import|Rotate|Revoke|Authorize|Add|Remove)[A-Z]\w*(Request\b|Async\()|(Call = |CallAsync\(|PagesAsync\(|AwsService\.\w+, )""(Create|Delete|Put|Update|Modify|Copy|Restore|Add|Remove|Reboot|Start|Stop|Failover|Promote|Revoke|Authorize)")]
    private static partial Regex WriteCall();
}
