using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>
/// What a replacement of an EBS volume under another key carries across, as the scan read it, in a failing finding's
/// evidence, and the parts of the fix built from it: the <c>create-volume</c> with the old volume's zone, type, size,
/// IOPS, throughput, Multi-Attach and tags; the instances to stop, and to move to the new volume under the same device
/// names; the console's lists and Terraform's arguments.
/// </summary>
public sealed class EbsVolumeRebuild : IFixBuilder
{
    private const string AttachmentsKey = "attachments";
    private const string ZoneOption = "--availability-zone";

    // IOPS are set only on the types that provision them (a gp2 volume's follow its size); throughput only on gp3.
    private static readonly string[] ProvisionedIops = ["io1", "io2", "gp3"];
    private static readonly string[] ProvisionedThroughput = ["gp3"];

    private static readonly OptionRebuild<EbsVolume> Rebuild = new(
    [
        new(ZoneOption, "availability_zone", Texts.Name("fixes.setting-availability-zone"), volume => Json(volume.AvailabilityZone)),
        new("--volume-type", "type", Texts.Name("fixes.setting-volume-type"), volume => Json(volume.VolumeType)),
        new("--size", "size", Texts.Name("fixes.setting-size"), volume => Provisioned(volume.Size, volume.VolumeType, types: null)),
        new("--iops", "iops", Texts.Name("fixes.setting-iops"), volume => Provisioned(volume.Iops, volume.VolumeType, ProvisionedIops)),
        new("--throughput", "throughput", Texts.Name("fixes.setting-throughput"), volume => Provisioned(volume.Throughput, volume.VolumeType, ProvisionedThroughput)),
        new("--multi-attach-enabled", "multi_attach_enabled", Texts.Name("fixes.setting-multi-attach"), volume => Json(volume.MultiAttachEnabled)),
        new("--tag-specifications", "tags", Texts.Name("fixes.setting-tags"), OptionRebuild<EbsVolume>.OwnTags, TagSpecifications),
    ]);

    /// <summary>The evidence a failing finding of a rebuild-only fix carries: each setting read, and the attachments where they were.</summary>
    public static IEnumerable<(string Key, string? Value)> Evidence(EbsVolume volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        yield return Rebuild.Evidence(volume);
        if (volume.Attachments.IsKnown)
        {
            yield return (AttachmentsKey, JsonSerializer.Serialize(volume.Attachments.Value, EbsVolumeJson.Default.IReadOnlyListEbsAttachment));
        }
    }

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        var read = Rebuild.Read(evidence);
        var attachments = evidence.GetValueOrDefault(AttachmentsKey) is { } json ? JsonSerializer.Deserialize(json, EbsVolumeJson.Default.IReadOnlyListEbsAttachment) : null;
        if (medium == RemediationMedium.AwsCli)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["notRead"] = read.NotReadComment(language),
                ["create"] = RebuildScript.Command(
                    "aws ec2 create-volume --region \"$REGION\"",
                    ["--snapshot-id \"$COPY\"", "--encrypted --kms-key-id \"$KEY_ARN\"", .. ZoneLookup(read), .. read.Options(_ => true)]),
                ["stop"] = Stop(attachments, language),
                ["swap"] = Swap(attachments),
            };
        }

        return medium == RemediationMedium.Console
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["keep"] = read.ConsoleList(language), ["attachments"] = Attached(attachments, language) }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["arguments"] = read.TerraformArguments(language) };
    }

    private static Fact<JsonElement?> Json<T>(Fact<T> fact) => OptionRebuild<EbsVolume>.Json(fact);

    // A provisioned amount: none (0) or one the volume's type does not take is left to AWS (JSON null).
    private static Fact<JsonElement?> Provisioned(Fact<int> amount, Fact<string?> type, string[]? types) =>
        amount is { IsKnown: true, Value: 0 } || (types is not null && type is { IsKnown: true, Value: var name } && !types.Contains(name, StringComparer.Ordinal))
            ? Fact.Known<JsonElement?>(null)
            : Json(amount);

    private static string[] TagSpecifications(JsonElement tags) => !tags.EnumerateObject().Any() ? []
        : RebuildScript.Option("--tag-specifications", $"[{{\"ResourceType\":\"volume\",\"Tags\":{RebuildJson.CliTags(RebuildReading<EbsVolume>.Tags(tags))}}}]");

    // A volume is created in a zone: the old volume's, asked of EC2 where the scan did not read it.
    private static string[] ZoneLookup(RebuildReading<EbsVolume> read) => read.Set.Any(pair => pair.Setting.Option == ZoneOption) ? []
        : [$"{ZoneOption} \"$(aws ec2 describe-volumes --region \"$REGION\" --volume-ids \"$OLD\" --query 'Volumes[0].AvailabilityZone' --output text)\""];

    private static string Stop(IReadOnlyList<EbsAttachment>? attachments, Language language)
    {
        if (attachments is not { Count: > 0 })
        {
            return RebuildScript.Comment(NoAttachments(attachments, language)) + "\n";
        }

        var instances = Instances(attachments);
        return RebuildScript.Lines(
        [
            $"aws ec2 stop-instances --region \"$REGION\" {instances}",
            $"aws ec2 wait instance-stopped --region \"$REGION\" {instances}",
        ]);
    }

    // Each instance lets go of the old volume, takes the new one under the same device name, and starts again.
    private static string Swap(IReadOnlyList<EbsAttachment>? attachments) => attachments is not { Count: > 0 } ? string.Empty : RebuildScript.Lines(
    [
        .. attachments.Select(attachment => $"aws ec2 detach-volume --region \"$REGION\" --volume-id \"$OLD\" --instance-id {Placeholders.ShellWord(attachment.InstanceId)}"),
        "aws ec2 wait volume-available --region \"$REGION\" --volume-ids \"$OLD\"",
        .. attachments.Select(attachment => $"aws ec2 attach-volume --region \"$REGION\" --volume-id \"$NEW\" --instance-id {Placeholders.ShellWord(attachment.InstanceId)} --device {Placeholders.ShellWord(attachment.Device)}"),
        "aws ec2 wait volume-in-use --region \"$REGION\" --volume-ids \"$NEW\"",
        $"aws ec2 start-instances --region \"$REGION\" {Instances(attachments)}",
        $"aws ec2 wait instance-running --region \"$REGION\" {Instances(attachments)}",
    ]);

    private static string Instances(IEnumerable<EbsAttachment> attachments) =>
        RebuildScript.Words("--instance-ids", attachments.Select(attachment => attachment.InstanceId).Distinct(StringComparer.Ordinal));

    private static string Attached(IReadOnlyList<EbsAttachment>? attachments, Language language) => attachments is not { Count: > 0 }
        ? "   " + NoAttachments(attachments, language)
        : string.Join("\n", attachments.Select(attachment => "   - " + Texts.Get(language, "fixes.ebs-attachment", ("instance", attachment.InstanceId), ("device", attachment.Device))));

    // Either none were read (Terraform declares attachments apart) or the volume has none.
    private static string NoAttachments(IReadOnlyList<EbsAttachment>? attachments, Language language) =>
        attachments is null ? Texts.Get(language, "fixes.ebs-attachments-not-read") : Texts.Get(language, "fixes.ebs-not-attached");
}
