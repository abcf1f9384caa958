using System.Globalization;

namespace Kagi.Core.Model;

/// <summary>A time a user writes (a mute's expiry, a history's start): ISO 8601, UTC unless an offset is given.</summary>
public static class UserTime
{
    /// <summary>
    /// Parses <paramref name="text"/>; with <paramref name="endOfDay"/>, a bare date means the end of that day, so that
    /// "until 2026-12-31" still holds on the 31st.
    /// </summary>
    public static bool TryParse(string text, bool endOfDay, out DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            return false;
        }

        if (endOfDay && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            time = time.AddDays(1);
        }

        return true;
    }
}
