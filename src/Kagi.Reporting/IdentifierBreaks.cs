namespace Kagi.Reporting;

/// <summary>
/// Splits an identifier (an ARN, a Terraform address, a path) into lines no wider than a column, breaking after a
/// <c>/</c>, <c>.</c> or <c>:</c> so that each line ends on a separator; only a run with no separator that is wider
/// than the column is cut inside.
/// </summary>
public static class IdentifierBreaks
{
    private static readonly char[] Separators = ['/', '.', ':'];

    public static IReadOnlyList<string> Lines(string identifier, int width)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var segment in Segments(identifier))
        {
            if (line.Length + segment.Length > width && line.Length > 0)
            {
                lines.Add(line);
                line = string.Empty;
            }

            line += segment;
            while (line.Length > width)
            {
                lines.Add(line[..width]);
                line = line[width..];
            }
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Text with every word wider than <paramref name="width"/> broken as <see cref="Lines"/> breaks it; other words are left for the table to wrap.</summary>
    public static string InText(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join('\n', text.Split('\n').Select(line => string.Join(' ', line.Split(' ').Select(word => word.Length > width ? string.Join('\n', Lines(word, width)) : word))));
    }

    // "arn:aws:rds:eu-west-1" → "arn:", "aws:", "rds:", "eu-west-1": each segment keeps the separator it ends with.
    private static IEnumerable<string> Segments(string identifier)
    {
        var start = 0;
        while (start < identifier.Length)
        {
            var end = identifier.IndexOfAny(Separators, start);
            var next = end < 0 ? identifier.Length : end + 1;
            yield return identifier[start..next];
            start = next;
        }
    }
}
