namespace Kagi.Reporting.Html;

/// <summary>One bar of a <see cref="BarChart"/>: its label, its count and the CSS class that colours it.</summary>
public sealed record ChartBar(string Label, long Count, string CssClass);
