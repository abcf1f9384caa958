using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests.Cli;

/// <summary>
/// An organization scan started from the profiles a security team's audit access usually is: a role chain
/// (<c>role_arn</c> + <c>source_profile</c>) or an IAM Identity Center (SSO) sign-in with a cached token. The SDK turns
/// the profile into credentials (AssumeRole, or the portal's GetRoleCredentials, both served by the fake), Kagi assumes
/// each member's role with them, and nothing is written to disk. The kagi executable runs in its own process, its home
/// and AWS files in a temporary directory.
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

        // When the organization is scanned with that profile, then every member is reached through the auditor's
        // credentials and nothing is written; and the source keys assumed the auditor role, their secret never printed
        var printed = ScanOrganizationWith(fake, home, "auditor");
        Assert.Contains($"arn:aws:iam::{Management}:role/OrgAuditor", fake.Calls.Where(call => call.Action == "AssumeRole").Select(call => call.Subject));
        Assert.Contains("AKIDSOURCE", fake.AccessKeyIds);
        Assert.DoesNotContain("SOURCESECRETKEY", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sso_profile_with_a_cached_token_reaches_every_member_and_writes_nothing()
    {
        // Given an IAM Identity Center profile for an auditor role of the management account, signed in: its token cached
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        var home = Directory.CreateTempSubdirectory("kagi-sso-").FullName;
        const string StartUrl = "https://fake-org.awsapps.com/start";
        File.WriteAllText(Path.Combine(home, "config"), $"[profile sso-auditor]\nsso_start_url = {StartUrl}\nsso_region = {Region}\nsso_account_id = {Management}\nsso_role_name = OrgAuditor\nregion = {Region}\n");
        var cache = Directory.CreateDirectory(Path.Combine(home, ".aws", "sso", "cache")).FullName;
#pragma warning disable CA5350 // The SDK names the token cache file by the SHA-1 of the start URL, as the AWS CLI does; nothing secure rests on it.
        var tokenFile = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(StartUrl)));
#pragma warning restore CA5350
        File.WriteAllText(Path.Combine(cache, $"{tokenFile}.json"), $$"""{"startUrl": "{{StartUrl}}", "region": "{{Region}}", "accessToken": "{{FakeAws.SsoAccessToken}}", "expiresAt": "{{DateTimeOffset.UtcNow.AddHours(1):yyyy-MM-ddTHH:mm:ssZ}}"}""");

        // When the organization is scanned with that profile, then every member is reached through the role's
        // credentials and nothing is written (the token cache is read, not rewritten); and the portal gave those
        // credentials for the cached token, never printed
        var printed = ScanOrganizationWith(fake, home, "sso-auditor");
        Assert.Contains(fake.Calls, call => call.Action == "GetRoleCredentials" && call.Subject == $"{Management}/OrgAuditor");
        Assert.DoesNotContain(FakeAws.SsoAccessToken, printed, StringComparison.Ordinal);
    }

    /// <summary>
    /// Scans the organization with <paramref name="profile"/> (the SDK's own STS and portal clients sent to the fake too)
    /// and checks what every profile must give: its credentials, a role of the management account, signed the caller's
    /// calls; the member was reached through its own role and judged under its own account; no file under
    /// <paramref name="home"/> was written. Returns what kagi printed.
    /// </summary>
    private static string ScanOrganizationWith(FakeAws fake, string home, string profile)
    {
        var before = Files(home);

        var (exitCode, output, error) = ProfileTests.RunKagi(
            home,
            new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = fake.Endpoint.ToString() },
            "scan", "aws", "--profile", profile, "--endpoint-url", fake.Endpoint.ToString(), "--all-accounts", "--role-name", "KagiReadOnly", "--format", "json", "--no-store");

        Assert.True(exitCode == 1, error);
        Assert.Contains(fake.AccessKeyIds, key => key.StartsWith($"ASIAFAKE{Management}", StringComparison.Ordinal));
        Assert.Contains($"arn:aws:iam::{Prod}:role/KagiReadOnly", fake.Calls.Where(call => call.Action == "AssumeRole").Select(call => call.Subject));
        Assert.Equal("FAIL", ScanAwsCommandTests.Findings(output)[(Scans.CmkRule, $"arn:aws:rds:{Region}:{Prod}:cluster:fail_prod")]);
        Assert.Equal(before, Files(home));
        return output + error;
    }

    private static List<string> Files(string home) =>
        [.. Directory.EnumerateFileSystemEntries(home, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
