using System.CommandLine;
using System.CommandLine.Parsing;

namespace Kagi.Cli;

/// <summary><c>kagi scan aws --distributed [--detach]</c>: the options, and the arguments the workers are given.</summary>
internal sealed class DistributedScanOptions
{
    private const string DistributedName = "--distributed";
    private const string DetachName = "--detach";
    private const string ServiceGroupsName = "--service-groups";

    private readonly Option<bool> _distributed = new(DistributedName)
    {
        Description = "Split the scan into units (an account × a region) run by 'kagi worker' processes sharing the PostgreSQL store (--store), and follow it.",
    };

    private readonly Option<bool> _detach = new(DetachName) { Description = "With --distributed: print the scan's number and return at once." };

    public DistributedScanOptions(Command scanAws)
    {
        scanAws.Options.Add(_distributed);
        scanAws.Options.Add(_detach);
        scanAws.Options.Add(ServiceGroupsOption());
    }

    /// <summary>
    /// The units each account × region is split into with <c>--service-groups</c>, each reading the kinds of some
    /// services: for regions too large for one unit. Read from the scan's arguments, where the workers find it.
    /// </summary>
    /// <param name="services">How many services the kinds are read from: no group may be empty.</param>
    /// <exception cref="ArgumentException">The count is below 1 or above <paramref name="services"/>.</exception>
    public static int ServiceGroupsOf(IReadOnlyList<string> arguments, int services)
    {
        var option = ServiceGroupsOption();
        var command = new Command("aws") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(option);
        var groups = command.Parse([.. arguments]).GetValue(option);
        return groups >= 1 && groups <= services ? groups : throw new ArgumentException($"{ServiceGroupsName} {groups}: from 1 to {services}, the services read", nameof(arguments));
    }

    private static Option<int> ServiceGroupsOption() => new(ServiceGroupsName)
    {
        Description = "With --distributed: split each account × region into N units by service, for regions too large for one (default 1).",
        DefaultValueFactory = _ => 1,
    };

    public bool Requested(ParseResult parsed) => parsed.GetValue(_distributed);

    public bool Detached(ParseResult parsed) => parsed.GetValue(_detach);

    /// <summary>
    /// What followed <c>kagi scan aws</c>, less the options of this kind: what each worker reads the scan from
    /// (<see cref="ScanAwsCommand.ReadArguments"/>). No credentials are among them: workers use their own.
    /// </summary>
    public static IReadOnlyList<string> WorkerArguments(ParseResult parsed) =>
        WorkerArguments(parsed.Tokens.SkipWhile(token => token.Type == TokenType.Command).Select(token => token.Value));

    /// <summary>The arguments of a <c>kagi scan aws</c> given whole (a schedule's), less the options of this kind.</summary>
    public static IReadOnlyList<string> WorkerArguments(IEnumerable<string> scanArguments) =>
        [.. scanArguments.Where(value => value is not DistributedName and not DetachName)];
}
