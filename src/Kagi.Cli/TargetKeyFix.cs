using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Cli;

/// <summary>
/// Turns the filled fix of a <c>*-cmk-encryption</c> finding, which creates a new key for its resource, into the fix
/// that moves the resource to a CMK the user already has. Every such rule's CLI fix names its key <c>$KEY_ARN</c>,
/// made by <c>aws kms create-key</c>, and its Terraform fix declares an <c>aws_kms_key</c> named after the resource
/// with a <c>_cmk</c> suffix; <c>TargetKeyFixTests</c> holds every rule to that shape. The CloudFormation fix is rendered
/// onto the key before it gets here (<see cref="ResourcePatch.OnKey"/>).
/// </summary>
public static partial class TargetKeyFix
{
    /// <summary>The fix in <paramref name="medium"/>, its new key replaced by <paramref name="target"/> (an ARN, alias or Terraform address).</summary>
    public static string Apply(RemediationMedium medium, string fix, string target, string keyStep)
    {
        ArgumentNullException.ThrowIfNull(medium);
        if (medium == RemediationMedium.AwsCli)
        {
            var existing = CreatedKey().Replace(fix, $"KEY_ARN={Placeholders.ShellWord(target)}", 1);
            return FirstStep().Replace(NewKeySetup().Replace(existing, string.Empty), $"# 1. {keyStep}", 1);
        }

        if (medium == RemediationMedium.Terraform)
        {
            var reference = target.StartsWith("aws_kms_key.", StringComparison.Ordinal) ? $"{target}.arn" : $"\"{Placeholders.HclString(target)}\"";
            return KeyReference().Replace(KeyResource().Replace(fix, string.Empty), reference);
        }

        // A YAML template's note is a comment, and so is the step before it; a JSON one's note is prose before the template.
        return medium == RemediationMedium.CloudFormation && fix.StartsWith('#') ? $"# {keyStep}\n{fix}" : $"{keyStep}\n{fix}";
    }

    /// <summary>Whether <paramref name="fix"/> creates the key that <see cref="Apply"/> replaces.</summary>
    public static bool CreatesKey(RemediationMedium medium, string fix) =>
        medium == RemediationMedium.AwsCli ? CreatedKey().IsMatch(fix) : medium != RemediationMedium.Terraform || KeyResource().IsMatch(fix);

    [GeneratedRegex(@"^KEY_ARN=\$\(aws kms create-key [\s\S]*?--output text\)$", RegexOptions.Multiline)]
    private static partial Regex CreatedKey();

    // Rotation and an alias are set up on the key the fix created; the user's CMK is theirs to configure.
    [GeneratedRegex(@"^aws kms (?:enable-key-rotation|create-alias) .*\n", RegexOptions.Multiline)]
    private static partial Regex NewKeySetup();

    [GeneratedRegex(@"^# 1\. .*$", RegexOptions.Multiline)]
    private static partial Regex FirstStep();

    [GeneratedRegex(@"^resource ""aws_kms_key"" ""[^""\n]*_cmk"" \{\n[\s\S]*?^\}\n\n?", RegexOptions.Multiline)]
    private static partial Regex KeyResource();

    [GeneratedRegex(@"aws_kms_key\.[^.\s]+_cmk\.arn")]
    private static partial Regex KeyReference();
}
