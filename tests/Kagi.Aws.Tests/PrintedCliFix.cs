using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// What every remediation test on moto proves, whatever the kind: a resource fails a rule, its finding's AWS CLI commands
/// run exactly as Kagi printed them (only the endpoint comes from the environment, as for any CLI user), and in the rescan
/// every finding that passed before still passes. The test then says what must pass: the resource changed in place, or
/// the replacement the commands made.
/// </summary>
internal sealed class PrintedCliFix
{
    private readonly Dictionary<(string Rule, string Resource), ResultStatus> _after;

    private PrintedCliFix(Finding finding, string cli, Inventory after, IReadOnlyList<Finding> afterFindings)
    {
        Finding = finding;
        Cli = cli;
        After = after;
        _after = afterFindings.ToDictionary(f => (f.Rule.Id, f.Resource.Id), f => f.Status);
    }

    /// <summary>The failing finding whose fix ran.</summary>
    public Finding Finding { get; }

    /// <summary>Its AWS CLI fix, as printed and run.</summary>
    public string Cli { get; }

    /// <summary>The rescan after the fix.</summary>
    public Inventory After { get; }

    /// <summary>Fixes the resource <paramref name="name"/> that <paramref name="ruleId"/> fails in <paramref name="region"/>, judging with <paramref name="options"/>.</summary>
    public static PrintedCliFix Run(Uri endpoint, string region, string ruleId, string name, ScanOptions? options = null)
    {
        // Given the resource failing the rule, and everything that passes beside it
        var before = Scans.Judge(Scans.Run(endpoint, null, region).Inventory, options);
        var finding = Assert.Single(before, f => f.Rule.Id == ruleId && f.Resource.Name is { IsKnown: true } named && named.Value == name);
        Assert.Equal(ResultStatus.Fail, finding.Status);

        // When its AWS CLI commands run as Kagi printed them
        var cli = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli);
        ExternalProcess.RunShell(cli, endpoint);

        // Then every finding that passed before still passes
        var after = Scans.Run(endpoint, null, region).Inventory;
        var fix = new PrintedCliFix(finding, cli, after, Scans.Judge(after, options));
        Assert.All(before.Where(f => f.Status == ResultStatus.Pass), f => Assert.True(
            fix.StatusOf(f.Rule.Id, f.Resource.Id) == ResultStatus.Pass,
            $"{f.Rule.Id} {f.Resource.Id} passed before the fix, {fix.StatusOf(f.Rule.Id, f.Resource.Id)?.ToString() ?? "was gone"} after"));
        return fix;
    }

    /// <summary>A resource's status under a rule in the rescan; null when the rescan did not judge it.</summary>
    public ResultStatus? StatusOf(string ruleId, string resourceId) => _after.TryGetValue((ruleId, resourceId), out var status) ? status : null;

    /// <summary>The resource of the fixed rule's kind with that name in the rescan: the fixed one, or its replacement.</summary>
    public CloudResource Named(string name) =>
        Assert.Single(After.Resources, resource => resource.Type == Finding.Rule.ResourceType && resource.Name is { IsKnown: true } named && named.Value == name);

    /// <summary>
    /// The resource passes its kind's CMK rule (and storage rule, where it has one) under a customer-managed key whose
    /// rotation is on.
    /// </summary>
    public void AssertProtectedByARotatedCmk(CloudResource resource)
    {
        Assert.Equal(ResultStatus.Pass, StatusOf(StoreKinds.CmkRuleOf(resource.Type), resource.Id));
        if (StoreKinds.StorageRuleOf(resource.Type) is { } storage)
        {
            Assert.Equal(ResultStatus.Pass, StatusOf(storage, resource.Id));
        }

        var key = Assert.IsType<KeyReference.Described>(Assert.IsAssignableFrom<IEncryptedAtRest>(resource).Key).Key;
        Assert.Equal(KeyManager.Customer, key.Manager.Value);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(After, "kms-key-rotation-enabled")[key.Name.Value]);
    }
}
