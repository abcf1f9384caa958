using System.Globalization;
using Kagi.Aws.Tests.Fake;

/// <summary>The bench's organization: the caller's own account and its members, every one holding the same estate, listed a page at a time.</summary>
internal static class BenchOrganization
{
    /// <summary>The role the bench assumes in every member; the fake grants it to the caller.</summary>
    public const string Role = "KagiBench";

    // As Organizations pages ListAccounts by default.
    private const int PageSize = 20;

    public static FakeOrganization Of(BenchEstate estate, int accounts, TimeSpan latency) => new()
    {
        Management = estate.Scenario(latency, Id(0)),
        Members = [.. Enumerable.Range(1, accounts - 1).Select(number => new FakeMember(estate.Scenario(latency, Id(number)), $"member-{number:D4}"))],
        PageSize = PageSize,
    };

    /// <summary>The fewest ListAccounts calls that list <paramref name="accounts"/> accounts.</summary>
    public static int ListingPages(int accounts) => (accounts + PageSize - 1) / PageSize;

    private static string Id(int number) => (100000000000L + number).ToString(CultureInfo.InvariantCulture);
}
