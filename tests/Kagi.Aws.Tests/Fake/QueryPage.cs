using System.Security;
using Microsoft.AspNetCore.Http;

namespace Kagi.Aws.Tests.Fake;

/// <summary>One page of a Query-protocol listing (<c>MaxRecords</c> and <c>Marker</c>, as Redshift, ElastiCache and RDS page) and its answer.</summary>
public sealed record QueryPage(IReadOnlyList<FakeStore> Items, string? Marker)
{
    public static QueryPage Of(IReadOnlyList<FakeStore> all, IFormCollection? form, int maxPageSize)
    {
        var requested = int.TryParse(form?["MaxRecords"], System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : (int?)null;
        var (items, marker) = FakePaging.Page(all, form?["Marker"].FirstOrDefault(), requested, maxPageSize);
        return new(items, marker);
    }

    /// <summary>A member written only when there is a value, as the Query protocol leaves out what is null.</summary>
    public static string Optional(string member, string? value) => value is null ? string.Empty : $"<{member}>{SecurityElement.Escape(value)}</{member}>";

    public static FakeReply Reply(string action, string xmlns, string list, string items, string? marker) => FakeReply.Xml($"""
        <{action}Response xmlns="{xmlns}">
          <{action}Result>
            <{list}>{items}</{list}>
            {Optional("Marker", marker)}
          </{action}Result>
          <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
        </{action}Response>
        """);
}
