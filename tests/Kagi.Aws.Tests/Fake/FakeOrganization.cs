namespace Kagi.Aws.Tests.Fake;

/// <summary>An AWS Organization as the fake serves it: the management account, its members and organizational units.</summary>
public sealed class FakeOrganization
{
    /// <summary>The root every account and unit hangs from unless it names another parent.</summary>
    public const string Root = "r-fake";

    public required FakeScenario Management { get; init; }

    public string ManagementName { get; init; } = "management";

    public List<FakeMember> Members { get; init; } = [];

    /// <summary>Organizational units: ID and parent.</summary>
    public List<(string Id, string Parent)> Units { get; init; } = [];

    /// <summary>Faults of Organizations calls (service "organizations") and of AssumeRole (service "sts").</summary>
    public List<FakeFault> Faults { get; init; } = [];

    /// <summary>The most accounts one page of a listing holds.</summary>
    public int PageSize { get; init; } = 20;

    /// <summary>How long the credentials AssumeRole hands out say they last.</summary>
    public TimeSpan CredentialLifetime { get; init; } = TimeSpan.FromHours(1);
}

/// <summary>A member account: its resources (a scenario of its own), its name and state in the organization.</summary>
public sealed record FakeMember(FakeScenario Scenario, string Name, string State = "ACTIVE")
{
    public string Parent { get; init; } = FakeOrganization.Root;

    /// <summary>Its role's trust policy leaves the scanner out: AssumeRole is denied.</summary>
    public bool DeniesAssumeRole { get; init; }
}
