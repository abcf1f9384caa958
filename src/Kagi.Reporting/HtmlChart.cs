using System.Globalization;
using System.Net;
using System.Text;

namespace Kagi.Reporting;

/// <summary>A horizontal bar chart as inline SVG: no script, no fetch, styled only through CSS classes.</summary>
internal static class HtmlChart
{
    private const int RowHeight = 24;
    private const int LabelWidth = 110;
    private const int BarWidth = 200;

    /// <param name="bars">label, count and the CSS class of the bar, in display order.</param>
    public static string Bars(string caption, IReadOnlyList<(string Label, int Count, string CssClass)> bars)
    {
        var max = Math.Max(1, bars.Count == 0 ? 0 : bars.Max(bar => bar.Count));
        var height = Math.Max(1, bars.Count) * RowHeight;
        var svg = new StringBuilder();
        var captionText = WebUtility.HtmlEncode(caption);
        svg.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{captionText}</figcaption>");
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{captionText}\" width=\"{LabelWidth + BarWidth + 40}\" height=\"{height}\" viewBox=\"0 0 {LabelWidth + BarWidth + 40} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var row = 0; row < bars.Count; row++)
        {
            var (label, count, cssClass) = bars[row];
            var width = (int)Math.Round((double)count / max * BarWidth);
            var y = row * RowHeight;
            svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate(0,{y})\">");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"16\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"{LabelWidth}\" y=\"4\" width=\"{BarWidth}\" height=\"16\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar {WebUtility.HtmlEncode(cssClass)}\" x=\"{LabelWidth}\" y=\"4\" width=\"{width}\" height=\"16\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + BarWidth + 6}\" y=\"16\">{count}</text></g>");
        }

        svg.Append("</svg></figure>");
        return svg.ToString();
    }
}
