namespace Kagi.Core.Rules;

/// <summary>
/// Builds the parts of a rule's fix that one value per placeholder cannot say: a command whose options depend on what the
/// scan read, one command per instance. A template names a part as <c>{{&gt;part}}</c>; it is built from the finding's
/// evidence alone (so a stored finding prints the same fix), with every value already escaped for the medium.
/// </summary>
public interface IFixBuilder
{
    /// <summary>Every part the rule's templates name in <paramref name="medium"/>, built for <paramref name="language"/>.</summary>
    IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language);
}
