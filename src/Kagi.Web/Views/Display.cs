using System.Globalization;

namespace Kagi.Web.Views;

/// <summary>How the dashboard's views write values that are not text.</summary>
internal static class Display
{
    public static string Time(DateTimeOffset value) => value.ToOffset(TimeSpan.Zero).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>A coordinate of an SVG chart: invariant, at most one decimal.</summary>
    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
