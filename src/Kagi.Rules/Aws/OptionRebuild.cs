using System.Globalization;
using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws;

/// <summary>
/// One setting a rebuild carries across: its AWS CLI option, its Terraform argument, its label, how the scan's record
/// holds it (JSON null: left to AWS), and, where the option does not take the value as its JSON kind says, how it does;
/// likewise where Terraform does not take it as <c>argument = value</c> (blocks), the lines it takes instead.
/// </summary>
internal sealed record RebuildSetting<TResource>(
    string Option, string Argument, string Label, Func<TResource, Fact<JsonElement?>> Read, Func<JsonElement, string[]>? Cli = null, Func<JsonElement, string[]>? Hcl = null);

/// <summary>
/// A rebuild whose settings are named by AWS CLI option: what the scan read goes into a failing finding's evidence (so
/// a stored finding prints the same fix), and <see cref="Read"/> gives it back to build the fix's parts from.
/// </summary>
internal sealed class OptionRebuild<TResource>(IReadOnlyList<RebuildSetting<TResource>> settings)
    where TResource : CloudResource
{
    public const string EvidenceKey = "rebuild";

    /// <summary>The evidence: each setting read, by option (JSON null: left to AWS); a setting not read is left out.</summary>
    public (string Key, string? Value) Evidence(TResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var read = settings.Select(setting => (setting.Option, Value: setting.Read(resource))).Where(setting => setting.Value.IsKnown)
            .ToDictionary(setting => setting.Option, setting => setting.Value.Value, StringComparer.Ordinal);
        return (EvidenceKey, JsonSerializer.Serialize(read, RebuildJson.Of<Dictionary<string, JsonElement?>>()));
    }

    /// <summary>What a finding's evidence says was read.</summary>
    public RebuildReading<TResource> Read(IReadOnlyDictionary<string, string?> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var read = evidence.GetValueOrDefault(EvidenceKey) is { } json ? JsonSerializer.Deserialize(json, RebuildJson.Of<Dictionary<string, JsonElement?>>()) ?? [] : [];
        return new(settings, read);
    }

    /// <summary>A fact as the JSON the evidence holds.</summary>
    public static Fact<JsonElement?> Json<T>(Fact<T> fact) =>
        fact.IsKnown ? Fact.Known<JsonElement?>(JsonSerializer.SerializeToElement(fact.Value, RebuildJson.Of<T>())) : Fact.Unknown<JsonElement?>(fact.Reason!);

    /// <summary>The resource's own tags: those AWS reserves (<c>aws:</c>) cannot be set.</summary>
    public static Fact<JsonElement?> OwnTags(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Json(resource.Tags.IsKnown
            ? Fact.Known<IReadOnlyDictionary<string, string>>(resource.Tags.Value.Where(tag => !tag.Key.StartsWith("aws:", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal))
            : resource.Tags);
    }
}

/// <summary>What a rebuild's evidence says the scan read: the settings set (not left to AWS), those not read, and how each medium says them.</summary>
internal sealed class RebuildReading<TResource>
{
    private readonly IReadOnlyList<RebuildSetting<TResource>> _settings;
    private readonly Dictionary<string, JsonElement?> _read;

    public RebuildReading(IReadOnlyList<RebuildSetting<TResource>> settings, Dictionary<string, JsonElement?> read)
    {
        _settings = settings;
        _read = read;
        NotRead = [.. settings.Where(setting => !read.ContainsKey(setting.Option))];
        Set = [.. settings.Where(setting => read.GetValueOrDefault(setting.Option) is { ValueKind: not JsonValueKind.Null }).Select(setting => (setting, read[setting.Option]!.Value))];
    }

    /// <summary>The settings the scan did not read.</summary>
    public IReadOnlyList<RebuildSetting<TResource>> NotRead { get; }

    /// <summary>The settings read with a value of their own.</summary>
    public IReadOnlyList<(RebuildSetting<TResource> Setting, JsonElement Value)> Set { get; }

    /// <summary>The AWS CLI options of the settings set that <paramref name="which"/> takes.</summary>
    public IEnumerable<string> Options(Func<RebuildSetting<TResource>, bool> which) =>
        Set.Where(pair => which(pair.Setting)).SelectMany(pair => pair.Setting.Cli?.Invoke(pair.Value) ?? Cli(pair.Setting.Option, pair.Value));

    /// <summary>The sentence naming what was not read, by option or by argument (once, where two settings share one); empty when everything was read.</summary>
    public string NotReadText(Language language, bool byArgument) => NotRead.Count == 0 ? string.Empty
        : Texts.Get(language, "fixes.not-read", ("options", string.Join(", ", NotRead.Select(setting => byArgument ? setting.Argument : setting.Option).Distinct(StringComparer.Ordinal))));

    /// <summary>The script's comment line naming what was not read (with its line break); empty when everything was read.</summary>
    public string NotReadComment(Language language) => NotRead.Count == 0 ? string.Empty : RebuildScript.Comment(NotReadText(language, byArgument: false)) + "\n";

    /// <summary>The console's list of every setting read, as the scan read it.</summary>
    public string ConsoleList(Language language)
    {
        var lines = _settings.Where(setting => _read.ContainsKey(setting.Option))
            .Select(setting => $"   - {Texts.Get(language, setting.Label)}: {Shown(_read[setting.Option], language)}");
        return string.Join("\n", NotRead.Count == 0 ? lines : lines.Append("   " + NotReadText(language, byArgument: false)));
    }

    /// <summary>The Terraform arguments of the settings set, aligned, and a comment naming those not read.</summary>
    public string TerraformArguments(Language language)
    {
        var arguments = Set.Where(pair => pair.Setting.Hcl is null).Select(pair => (Name: pair.Setting.Argument, Value: Hcl(pair.Value))).ToList();
        var width = arguments.Count == 0 ? 0 : arguments.Max(argument => argument.Name.Length);
        var block = arguments.Select(argument => $"  {argument.Name.PadRight(width)} = {argument.Value}")
            .Concat(Set.Where(pair => pair.Setting.Hcl is not null).SelectMany(pair => pair.Setting.Hcl!(pair.Value)).Select(line => "  " + line));
        return string.Join("\n", NotRead.Count == 0 ? block : block.Append("  " + RebuildScript.Comment(NotReadText(language, byArgument: true))));
    }

    /// <summary>The tags an evidence object holds.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Tags(JsonElement value) =>
        value.EnumerateObject().Select(tag => KeyValuePair.Create(tag.Name, tag.Value.GetString() ?? string.Empty));

    // A setting as AWS CLI options: a switch for a flag, the words of a list, the JSON of the tags.
    private static string[] Cli(string option, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => RebuildScript.Switch(option, value.GetBoolean()),
        JsonValueKind.Array when value.GetArrayLength() == 0 => [],
        JsonValueKind.Array => [RebuildScript.Words(option, value.EnumerateArray().Select(item => item.GetString() ?? string.Empty))],
        JsonValueKind.Object when !value.EnumerateObject().Any() => [],
        JsonValueKind.Object => RebuildScript.Option(option, RebuildJson.CliTags(Tags(value))),
        JsonValueKind.Number => RebuildScript.Option(option, value.GetInt32().ToString(CultureInfo.InvariantCulture)),
        _ => RebuildScript.Option(option, value.GetString()),
    };

    private static string Hcl(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetInt32().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Array => $"[{string.Join(", ", value.EnumerateArray().Select(Hcl))}]",
        JsonValueKind.Object when !value.EnumerateObject().Any() => "{}",
        JsonValueKind.Object => $"{{ {string.Join(", ", value.EnumerateObject().Select(tag => $"\"{Placeholders.HclString(tag.Name)}\" = {Hcl(tag.Value)}"))} }}",
        _ => $"\"{Placeholders.HclString(value.GetString() ?? string.Empty)}\"",
    };

    private static string Shown(JsonElement? value, Language language) => value switch
    {
        null or { ValueKind: JsonValueKind.Null } => Texts.Get(language, "fixes.default"),
        { ValueKind: JsonValueKind.True } => Texts.Get(language, "fixes.on"),
        { ValueKind: JsonValueKind.False } => Texts.Get(language, "fixes.off"),
        { ValueKind: JsonValueKind.Array } list => list.GetArrayLength() == 0 ? Texts.Get(language, "fixes.none") : string.Join(", ", list.EnumerateArray().Select(Item)),
        { ValueKind: JsonValueKind.Object } tags => tags.EnumerateObject().Any() ? string.Join(", ", tags.EnumerateObject().Select(tag => $"{tag.Name}={tag.Value.GetString()}")) : Texts.Get(language, "fixes.none"),
        { ValueKind: JsonValueKind.Number } number => number.GetInt32().ToString(CultureInfo.InvariantCulture),
        { } text => text.GetString() ?? string.Empty,
    };

    // An item of a list: a word, or a record's values one after the other (a log delivery: type, destination, format; a
    // shard: ID, slots, replicas, zones), those left to AWS left out.
    private static string Item(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.Object => string.Join(" ", item.EnumerateObject().Select(field => Item(field.Value)).Where(text => text.Length > 0)),
        JsonValueKind.Array => string.Join(" ", item.EnumerateArray().Select(Item)),
        JsonValueKind.Null => string.Empty,
        _ => item.ToString(),
    };
}
