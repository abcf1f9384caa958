using System.Text.RegularExpressions;

namespace Kagi.Testing;

/// <summary>
/// Finds English prose in text meant to be Japanese: three or more plain words in a row ("is not set", "The key
/// level"). Identifiers, commands and values are not prose — a token holding <c>_ - . / : = @ $ {</c> or a digit
/// breaks a run — so <c>aws kms enable-key-rotation --key-id</c> and <c>aws_neptune_cluster.this</c> pass, while an
/// untranslated sentence does not.
/// </summary>
internal static partial class EnglishSentences
{
    /// <summary>The first English run of words in <paramref name="text"/>, or null when there is none.</summary>
    public static string? FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n'))
        {
            var run = new List<string>();
            foreach (var token in line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (Word().IsMatch(token))
                {
                    run.Add(token);
                    if (run.Count >= 3)
                    {
                        return string.Join(' ', run);
                    }
                }
                else
                {
                    run.Clear();
                }
            }
        }

        return null;
    }

    /// <summary>A plain word: letters, at most one leading capital, with sentence punctuation around it.</summary>
    [GeneratedRegex(@"^[(""']?[A-Za-z][a-z]*[)""',.;:!?]*$")]
    private static partial Regex Word();
}
