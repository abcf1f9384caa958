using System.CommandLine;
using Kagi.Aws;
using Kagi.Aws.Organizations;
using Kagi.Core.Localization;

namespace Kagi.Cli;

/// <summary>What <c>kagi scan aws</c> was asked: the live scan, the accounts (null: the caller's own alone), and the scan's settings.</summary>
internal sealed record ScanAwsRequest(LiveScanOptions Request, AccountSelection? Selection, ScanSettings Settings, string? SavePath, bool Quiet);

/// <summary>The options of <c>kagi scan aws</c>, and how they read into a <see cref="ScanAwsRequest"/>.</summary>
internal sealed class ScanAwsOptions
{
    private readonly Option<string?> _profile = new("--profile") { Description = "The AWS profile to use, as the AWS CLI's --profile." };
    private readonly Option<string[]> _regions = new("--region") { Description = "A region to scan; repeat for more. Default: AWS_REGION or the profile's region." };
    private readonly Option<bool> _allRegions = new("--all-regions") { Description = "Scan every region enabled for the account (EC2 DescribeRegions)." };
    private readonly Option<string?> _endpointUrl = new("--endpoint-url") { Description = "Send every AWS call to this URL (an emulator); overrides AWS_ENDPOINT_URL." };
    private readonly Option<string?> _saveInventory = new("--save-inventory") { Description = "Also write what was found to FILE, for 'kagi scan inventory FILE'." };
    private readonly Option<bool> _quiet = new("--quiet") { Description = "Print no progress on standard error (the report and messages still are)." };
    private readonly AccountOptions _accounts = new();
    private readonly ScanOptionSet _options = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _profile, _regions, _allRegions, _endpointUrl, _saveInventory, _quiet })
        {
            command.Options.Add(option);
        }

        _accounts.AddTo(command);
        _options.AddTo(command);
    }

    /// <summary>The request, or null and the exit code when an option does not read (the problem written to <paramref name="error"/>).</summary>
    public (ScanAwsRequest? Scan, int ExitCode) Read(ParseResult parsed, TextWriter error)
    {
        var settings = _options.Read(parsed, error);
        if (settings is null)
        {
            return (null, ExitCodes.BadInput);
        }

        var endpoint = parsed.GetValue(_endpointUrl);
        Uri? endpointUri = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out endpointUri) || endpointUri.Scheme is not ("http" or "https")))
        {
            error.WriteLine($"kagi: {Texts.Get(settings.Language, "cli.endpoint-url-invalid", ("value", endpoint))}");
            return (null, ExitCodes.BadInput);
        }

        var (selection, problem) = _accounts.Read(parsed);
        if (problem is not null)
        {
            error.WriteLine($"kagi: {problem(settings.Language)}");
            return (null, ExitCodes.BadInput);
        }

        var request = new LiveScanOptions
        {
            Profile = parsed.GetValue(_profile),
            Regions = parsed.GetValue(_regions) ?? [],
            AllRegions = parsed.GetValue(_allRegions),
            EndpointUrl = endpointUri,
            MaxAccountsInFlight = _accounts.MaxAccountsInFlight(parsed),
        };
        return (new ScanAwsRequest(request, selection, settings, parsed.GetValue(_saveInventory), parsed.GetValue(_quiet)), ExitCodes.Clean);
    }
}
