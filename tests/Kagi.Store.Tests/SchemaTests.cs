using Kagi.Core.Rules;
using Kagi.Testing;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

public sealed class SchemaTests
{
    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Reopening_a_store_keeps_its_history_and_applies_no_migration_twice(StoreKind kind)
    {
        var location = TestStores.NewLocation(kind);
        using (var first = FindingStore.Open(location, TimeProvider.System))
        {
            first.SaveScan(LiveScan(["eu-west-1"], Live("db", ResultStatus.Fail)));
        }

        using var again = FindingStore.Open(location, TimeProvider.System);
        again.SaveScan(LiveScan(["eu-west-1"], Live("db", ResultStatus.Fail)));

        Assert.Equal(2, again.Scans().Count);
        Assert.Equal(FindingState.Open, Assert.Single(again.ListFindings(new FindingQuery())).State);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_store_written_by_a_newer_kagi_is_refused_with_a_clear_message(StoreKind kind)
    {
        var location = TestStores.NewLocation(kind);
        using (var store = FindingStore.Open(location, TimeProvider.System))
        {
        }

        using (var connection = SqlDialect.For(kind).Open(location.ConnectionString))
        {
            new Sql(connection, null).Execute("INSERT INTO schema_version (version) VALUES (@v)", ("@v", 999L));
        }

        var refused = Assert.Throws<StoreException>(() => FindingStore.Open(location, TimeProvider.System));
        Assert.Contains("newer than this Kagi knows", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sqlite_store_that_cannot_be_created_is_a_store_error_naming_the_path()
    {
        var blocker = Path.GetTempFileName();

        var refused = Assert.Throws<StoreException>(() => FindingStore.Open(new StoreLocation(StoreKind.Sqlite, Path.Combine(blocker, "kagi.db")), TimeProvider.System));

        Assert.Contains(blocker, refused.Message, StringComparison.Ordinal);
    }
}
