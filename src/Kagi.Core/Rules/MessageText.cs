namespace Kagi.Core.Rules;

/// <summary>
/// A result message: a source-neutral text in the words of the AWS console and APIs, and, where a source words the
/// same thing its own way (a Terraform argument name), that source's text.
/// </summary>
public sealed record MessageText(LocalizedText Neutral, IReadOnlyDictionary<string, LocalizedText> BySource)
{
    /// <param name="source">One of <see cref="Model.ResourceSources"/>.</param>
    public LocalizedText For(string source) => BySource.TryGetValue(source, out var text) ? text : Neutral;

    /// <summary>The neutral text, then each source's own.</summary>
    public IEnumerable<LocalizedText> All => [Neutral, .. BySource.Values];
}
