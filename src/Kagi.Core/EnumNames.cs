namespace Kagi.Core;

/// <summary>Reads an enum value back from the name Kagi writes for it.</summary>
internal static class EnumNames
{
    /// <summary>The value whose <paramref name="toName"/> is <paramref name="name"/>, in any case; by name only, where Enum.TryParse would also take "1".</summary>
    public static bool TryParse<T>(string? name, Func<T, string> toName, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(toName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
