using System.Diagnostics;
using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests.Cli;

/// <summary>The kagi executable in its own process, so its environment (profiles, no credential variables) is its own.</summary>
public sealed class ProfileTests : IClassFixture<FakeEndpoint>
{
    private readonly FakeAws _fake;

    public ProfileTests(FakeEndpoint fake) => _fake = fake.Fake;

    [Fact]
    public void A_named_profile_gives_the_credentials_and_the_region_to_scan()
    {
        // Given credentials and a region only in a profile's files, none in the environment
        var home = Directory.CreateTempSubdirectory("kagi-profile-").FullName;
        File.WriteAllText(Path.Combine(home, "credentials"), "[auditor]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = PROFILESECRETKEY\n");
        File.WriteAllText(Path.Combine(home, "config"), $"[profile auditor]\nregion = {Scenarios.Verdicts}\n");

        // When kagi runs with --profile and no --region
        var (exitCode, output, error) = RunKagi(home, "scan", "aws", "--profile", "auditor", "--endpoint-url", _fake.Endpoint.ToString(), "--format", "json");

        // Then the profile's region is scanned, signed with the profile's key, and the verdicts are printed
        Assert.True(exitCode == 1, error);
        Assert.Contains($"arn:aws:rds:{Scenarios.Verdicts}:111122223333:cluster:fail_aws_managed", output, StringComparison.Ordinal);
        Assert.Contains($"kagi: scanning {Scenarios.Verdicts}", error, StringComparison.Ordinal);
        Assert.Contains("AKIDPROFILE", _fake.AccessKeyIds);
        Assert.DoesNotContain("PROFILESECRETKEY", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_credentials_anywhere_is_bad_input_with_a_message()
    {
        var home = Directory.CreateTempSubdirectory("kagi-empty-").FullName;

        var (exitCode, _, error) = RunKagi(home, "scan", "aws", "--region", Scenarios.Verdicts, "--endpoint-url", _fake.Endpoint.ToString());

        Assert.Equal(2, exitCode);
        Assert.Contains("no usable AWS credentials", error, StringComparison.Ordinal);
    }

    internal static (int ExitCode, string Output, string Error) RunKagi(string awsHome, params string[] args) => RunKagi(awsHome, new Dictionary<string, string>(), args);

    /// <summary>
    /// Runs kagi with <paramref name="awsHome"/> as its home and AWS files, and no AWS variable but <paramref name="environment"/>:
    /// the build beside the tests, or the published binary KAGI_TEST_BINARY names (CI runs these against the Native AOT one,
    /// whose AWS SDK must still find its STS and SSO clients).
    /// </summary>
    internal static (int ExitCode, string Output, string Error) RunKagi(string awsHome, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = Environment.GetEnvironmentVariable("KAGI_TEST_BINARY") is { Length: > 0 } binary
            ? new ProcessStartInfo(binary, args)
            : new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "kagi.dll"), .. args]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(awsHome, "credentials");
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(awsHome, "config");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["HOME"] = awsHome;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "kagi did not finish within 60 s");
        return (process.ExitCode, output.Result, error.Result);
    }
}
