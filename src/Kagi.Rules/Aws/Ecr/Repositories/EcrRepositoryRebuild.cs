using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Ecr.Repositories;

/// <summary>
/// What a rebuild of an ECR repository under another key carries across, as the scan read it, in a failing finding's
/// evidence (so a stored finding prints the same fix), and the parts of the fix built from it: the
/// <c>create-repository</c> with the old repository's tag mutability, scan on push and tags; its repository and lifecycle
/// policies; the console's list and Terraform's arguments. The policies are separate resources in Terraform
/// (<c>aws_ecr_repository_policy</c>, <c>aws_ecr_lifecycle_policy</c>), so they add no argument to the repository's block.
/// </summary>
public sealed class EcrRepositoryRebuild : IFixBuilder
{
    private const string LifecycleOption = "--lifecycle-policy-text";
    private const string PolicyOption = "--policy-text";

    private static readonly OptionRebuild<EcrRepository> Rebuild = new(
    [
        new("--image-tag-mutability", "image_tag_mutability", Texts.Name("fixes.setting-image-tag-mutability"), repository => Json(repository.ImageTagMutability)),
        new("--image-scanning-configuration", "image_scanning_configuration", Texts.Name("fixes.setting-scan-on-push"), repository => Json(repository.ScanOnPush), ScanningOption, ScanningBlock),
        new("--tags", "tags", Texts.Name("fixes.setting-tags"), OptionRebuild<EcrRepository>.OwnTags),
        new(PolicyOption, "aws_ecr_repository_policy", Texts.Name("fixes.setting-repository-policy"), repository => Json(repository.RepositoryPolicy), Hcl: _ => []),
        new(LifecycleOption, "aws_ecr_lifecycle_policy", Texts.Name("fixes.setting-lifecycle-policy"), repository => Json(repository.LifecyclePolicy), Hcl: _ => []),
    ]);

    /// <summary>The evidence a failing finding of a rebuild-only fix carries: each setting read, by option (JSON null: left to AWS).</summary>
    public static (string Key, string? Value) Evidence(EcrRepository repository) => Rebuild.Evidence(repository);

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        var read = Rebuild.Read(evidence);
        if (medium == RemediationMedium.AwsCli)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["notRead"] = read.NotReadComment(language),
                ["create"] = RebuildScript.Command(
                    "aws ecr create-repository --region \"$REGION\"",
                    ["--repository-name \"$NEW\"", "--encryption-configuration \"encryptionType=KMS,kmsKey=$KEY_ARN\"", .. read.Options(setting => setting.Option is not (PolicyOption or LifecycleOption))]),
                ["policy"] = Put(read, PolicyOption, "aws ecr set-repository-policy --region \"$REGION\" --repository-name \"$NEW\""),
                ["lifecycle"] = Put(read, LifecycleOption, "aws ecr put-lifecycle-policy --region \"$REGION\" --repository-name \"$NEW\""),
            };
        }

        return medium == RemediationMedium.Console
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["keep"] = read.ConsoleList(language) }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["arguments"] = read.TerraformArguments(language) };
    }

    private static Fact<JsonElement?> Json<T>(Fact<T> fact) => OptionRebuild<EcrRepository>.Json(fact);

    // The policy's command when the old repository has one; nothing when it has none (or it was not read: the not-read line says so).
    private static string Put(RebuildReading<EcrRepository> read, string option, string head)
    {
        var options = read.Options(setting => setting.Option == option).ToList();
        return options.Count == 0 ? string.Empty : RebuildScript.Command(head, options) + "\n";
    }

    private static string[] ScanningOption(JsonElement scanOnPush) => [$"--image-scanning-configuration scanOnPush={(scanOnPush.GetBoolean() ? "true" : "false")}"];

    private static string[] ScanningBlock(JsonElement scanOnPush) =>
        ["image_scanning_configuration {", $"  scan_on_push = {(scanOnPush.GetBoolean() ? "true" : "false")}", "}"];
}
