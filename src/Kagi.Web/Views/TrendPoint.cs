namespace Kagi.Web.Views;

/// <summary>One stored scan's count on a <see cref="TrendChart"/>.</summary>
public sealed record TrendPoint(long Id, DateTimeOffset StoredAt, long Count);
