using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests.Cli;

/// <summary>
/// An organization scan started from a profile that is itself a role chain (<c>role_arn</c> + <c>source_profile</c>),
/// as a security team's audit profile is: the SDK assumes the profile's role with the source profile's keys, Kagi
/// assumes each member's role with those credentials, and nothing is written to disk. The kagi executable runs in its
/// own process, its home and AWS files in a temporary directory.
/// </summary>
public sealed class CredentialChainTests
{
    private const string Region = "eu-west-1";
    private const string Management = "111122223333";
    private const string Prod = "222233334444";

    [Fact]
    public async Task An_assume_role_profile_reaches_every_member_and_writes_nothing()
    {
        // Given a profile that assumes an auditor role in the management account with another profile's keys
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        var home = Directory.CreateTempSubdirectory("kagi-chain-").FullName;
        File.WriteAllText(Path.Combine(home, "credentials"), "[source]\naws_access_key_id = AKIDSOURCE\naws_secret_access_key = SOURCESECRETKEY\n");
        File.WriteAllText(Path.Combine(home, "config"), $"[profile auditor]\nrole_arn = arn:aws:iam::{Management}:role/OrgAuditor\nsource_profile = source\nregion = {Region}\n");
        var before = Files(home);

        // When the organization is scanned with that profile (the SDK's own STS client sent to the fake too)
        var (exitCode, output, error) = ProfileTests.RunKagi(
            home,
            new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = fake.Endpoint.ToString() },
            "scan", "aws", "--profile", "auditor", "--endpoint-url", fake.Endpoint.ToString(), "--all-accounts", "--role-name", "KagiReadOnly", "--format", "json", "--no-store");

        // Then the source keys assumed the auditor role, the auditor's credentials signed the caller's calls, and the
        // member was reached through its own role and judged under its own account
        Assert.True(exitCode == 1, error);
        var assumed = fake.Calls.Where(call => call.Action == "AssumeRole").Select(call => call.Subject).ToList();
        Assert.Contains($"arn:aws:iam::{Management}:role/OrgAuditor", assumed);
        Assert.Contains($"arn:aws:iam::{Prod}:role/KagiReadOnly", assumed);
        Assert.Contains("AKIDSOURCE", fake.AccessKeyIds);
        Assert.Contains(fake.AccessKeyIds, key => key.StartsWith($"ASIAFAKE{Management}", StringComparison.Ordinal));
        Assert.Equal("FAIL", ScanAwsCommandTests.Findings(output)[(Scans.CmkRule, $"arn:aws:rds:{Region}:{Prod}:cluster:fail_prod")]);
        Assert.DoesNotContain("SOURCESECRETKEY", output + error, StringComparison.Ordinal);

        // And no file was written under the home directory: no credential cache, nothing
        Assert.Equal(before, Files(home));
    }

    private static List<string> Files(string home) =>
        [.. Directory.EnumerateFileSystemEntries(home, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
