using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// What every migration test on moto proves (issue 17), whatever the kind: a resource fails a rule whose fix rebuilds it,
/// the finding's AWS CLI script runs exactly as printed (only the endpoint and the variable confirming the old resource's
/// deletion, or a secret the script asks for, come from the environment), and in the rescan the replacement passes the kind's CMK rule under a
/// customer-managed key and every rule that passed for the old resource.
/// </summary>
internal sealed class PrintedRebuild
{
    private readonly IReadOnlyList<Finding> _before;

    private PrintedRebuild(IReadOnlyList<Finding> before, Finding finding, string cli, string output, Inventory after)
    {
        _before = before;
        Finding = finding;
        Cli = cli;
        Output = output;
        After = after;
        AfterFindings = Scans.Judge(after);
    }

    /// <summary>The failing finding whose fix ran.</summary>
    public Finding Finding { get; }

    /// <summary>The AWS CLI script that ran, as printed.</summary>
    public string Cli { get; }

    /// <summary>What the script printed.</summary>
    public string Output { get; }

    /// <summary>The rescan after the fix.</summary>
    public Inventory After { get; }

    /// <summary>Its findings.</summary>
    public IReadOnlyList<Finding> AfterFindings { get; }

    /// <summary>
    /// Runs the fix of the one resource that <paramref name="ruleId"/> fails with the remediation variant
    /// <paramref name="variant"/> and that <paramref name="isOld"/> picks, with <paramref name="confirmation"/> set to yes.
    /// </summary>
    public static PrintedRebuild Run(Uri endpoint, string region, string ruleId, Func<CloudResource, bool> isOld, string? variant, string confirmation) =>
        RunWith(endpoint, region, ruleId, isOld, variant, new Dictionary<string, string> { [confirmation] = "yes" });

    /// <summary>
    /// Runs the fix as <see cref="Run"/> does, with <paramref name="environment"/> as what the script is given (a secret it
    /// asks for; the old resource's deletion left unconfirmed where moto cannot run it).
    /// </summary>
    public static PrintedRebuild RunWith(Uri endpoint, string region, string ruleId, Func<CloudResource, bool> isOld, string? variant, IReadOnlyDictionary<string, string> environment)
    {
        // Given the resource, which the rule fails
        var before = Scans.Judge(Scans.Run(endpoint, null, region).Inventory);
        var finding = Assert.Single(before, f => f.Rule.Id == ruleId && isOld(f.Resource));
        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Equal(variant, finding.Result.RemediationVariant);

        // When its AWS CLI script runs exactly as printed, given only the environment
        var cli = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli);
        var output = ExternalProcess.RunShell(cli, endpoint, environment);
        return new(before, finding, cli, output, Scans.Run(endpoint, null, region).Inventory);
    }

    /// <summary>
    /// The replacement passes <paramref name="cmkRule"/> under a customer-managed key, and no rule that passed for the old
    /// resource fails for it; at least one rule passed for an old resource that was encrypted, where the kind has a rule
    /// besides its CMK rule (its storage rule).
    /// </summary>
    public void AssertReplacementPassesWhatTheOldPassed(CloudResource replacement, string cmkRule)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        Assert.NotEqual(Finding.Resource.Id, replacement.Id);
        Assert.Equal(ResultStatus.Pass, AfterFindings.Single(f => f.Rule.Id == cmkRule && f.Resource.Id == replacement.Id).Status);
        Assert.Equal(KeyManager.Customer, Assert.IsType<KeyReference.Described>(Assert.IsAssignableFrom<IEncryptedAtRest>(replacement).Key).Key.Manager.Value);

        var passedBefore = _before.Where(f => f.Resource.Id == Finding.Resource.Id && f.Status == ResultStatus.Pass).Select(f => f.Rule.Id).ToList();
        Assert.True(Finding.Result.RemediationVariant is not null || Finding.Rule.Id != cmkRule || StoreKinds.StorageRuleOf(Finding.Resource.Type) is null || passedBefore.Count > 0, "the storage-encryption rule passed for the old resource");
        var statusAfter = AfterFindings.Where(f => f.Resource.Id == replacement.Id).ToDictionary(f => f.Rule.Id, f => f.Status);
        Assert.All(passedBefore, ruleId => Assert.Equal((ruleId, ResultStatus.Pass), (ruleId, statusAfter.GetValueOrDefault(ruleId))));
    }
}
