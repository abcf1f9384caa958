using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Tests;

/// <summary>
/// The registry of kinds is honest: every discovered kind has each piece a kind needs, and a piece that is forgotten
/// fails here naming the kind and the piece. The live pieces (collectors, IAM actions, the fail-closed scope) are
/// checked in Kagi.Aws.Tests (<c>LiveCollectorTests</c>, <c>IamPolicyTests</c>, <c>FaultScanTests</c>).
/// </summary>
public sealed partial class KindRegistryTests
{
    public static TheoryData<string> Kinds => [.. KindCatalog.Kinds.Records.Select(record => record.Name)];

    [Fact]
    public void The_catalogue_holds_the_kinds_it_has_always_had()
    {
        Assert.Superset(
            new HashSet<string>(["AWS::KMS::Key", "AWS::Neptune::DBCluster", "AWS::Neptune::DBClusterSnapshot"]),
            KindCatalog.Kinds.Records.Select(record => ResourceKinds.Of(record).Type).ToHashSet());
    }

    [Fact]
    public void Every_kind_has_a_terraform_mapper()
    {
        var mapped = KindCatalog.TerraformMappers.Records.Values.ToHashSet();

        var missing = KindCatalog.Kinds.Records.Where(record => !mapped.Contains(record))
            .Select(record => $"{record.Name} ({ResourceKinds.Of(record).Type}) has no Terraform mapper: a ResourceMapper<{record.Name}> in its folder");

        AssertNone(missing);
    }

    [Fact]
    public void Every_terraform_mapper_maps_to_a_discovered_kind()
    {
        var stray = KindCatalog.TerraformMappers.Records
            .Where(pair => !KindCatalog.Kinds.Records.Contains(pair.Value))
            .Select(pair => $"{pair.Key} maps to {pair.Value.Name}, which is no kind of the catalogue");

        AssertNone(stray);
        Assert.All(KindCatalog.TerraformMappers.Records.Keys, type => Assert.Matches("^aws_[a-z0-9_]+$", type));
    }

    private static readonly Dictionary<string, string> CloudFormationTypesOfOtherKinds = new(StringComparer.Ordinal)
    {
        ["AWS::Elasticsearch::Domain"] = "AWS::OpenSearchService::Domain",
        ["AWS::Serverless::SimpleTable"] = "AWS::DynamoDB::Table",
        ["AWS::DynamoDB::GlobalTable"] = "AWS::DynamoDB::Table",
    };

    [Fact]
    public void Every_cloudformation_mapper_maps_its_kinds_own_type()
    {
        // A kind's type is its CloudFormation name, so the mapper of that type makes that kind and no other; an older
        // type of the same resource (as Terraform's aws_elasticsearch_domain is) maps to the kind of its successor, a SAM
        // type to the kind of the type SAM's transform turns it into, and a global table to the table kind.
        var stray = KindCatalog.CloudFormationMappers.Records
            .Where(pair => !KindCatalog.Kinds.Records.Contains(pair.Value) || ResourceKinds.Of(pair.Value).Type != CloudFormationTypesOfOtherKinds.GetValueOrDefault(pair.Key, pair.Key))
            .Select(pair => $"{pair.Key} maps to {pair.Value.Name}, whose kind is {(KindCatalog.Kinds.Records.Contains(pair.Value) ? ResourceKinds.Of(pair.Value).Type : "no kind of the catalogue")}");

        AssertNone(stray);
        Assert.Contains("AWS::Neptune::DBCluster", KindCatalog.CloudFormationMappers.Records.Keys);
        Assert.Contains("AWS::KMS::Key", KindCatalog.CloudFormationMappers.Records.Keys);
    }

    [Fact]
    public void Every_kind_names_its_cloudformation_asff_and_ocsf_types_and_its_service()
    {
        var missing = KindCatalog.Kinds.Records.SelectMany(record =>
        {
            var kind = ResourceKinds.Of(record);
            return new[]
            {
                CloudFormationType().IsMatch(kind.Type) ? null : $"{record.Name}: '{kind.Type}' is no CloudFormation type (AWS::Service::Type)",
                string.IsNullOrWhiteSpace(kind.AsffType) || kind.AsffType.Contains(' ', StringComparison.Ordinal) ? $"{record.Name} ({kind.Type}) has no ASFF type" : null,
                string.IsNullOrWhiteSpace(kind.OcsfType) ? $"{record.Name} ({kind.Type}) has no OCSF type" : null,
                ServiceName().IsMatch(kind.Service) ? null : $"{record.Name} ({kind.Type}) names no service (lower-case, as rules name it)",
            }.OfType<string>();
        });

        AssertNone(missing);
    }

    [Fact]
    public void Every_rule_judges_a_kind_of_its_own_service()
    {
        var wrong = RuleCatalog.All
            .Where(entry => RuleCatalog.KindOf(entry.Rule.GetType()) is var kind && (kind.Type != entry.Metadata.ResourceType || kind.Service != entry.Metadata.Service))
            .Select(entry => $"{entry.Metadata.Id} says {entry.Metadata.Service}/{entry.Metadata.ResourceType}");

        AssertNone(wrong);
    }

    [Fact]
    public void Metadata_that_still_names_its_resource_type_is_refused()
    {
        const string yaml = "id: x\nresourceType: AWS::Neptune::DBCluster\n";

        var error = Assert.Throws<InvalidOperationException>(() => RuleMetadataReader.Read(yaml, "x.rule.yaml", "AWS::Neptune::DBCluster"));

        Assert.Contains("'resourceType'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_kind_with_every_fact_known_survives_a_saved_inventory_round_trip(string kind) =>
        AssertRoundTrip(Record(kind), unknown: false);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_kind_with_every_fact_unknown_keeps_each_reason_through_a_saved_inventory_round_trip(string kind) =>
        AssertRoundTrip(Record(kind), unknown: true);

    private static Type Record(string name) => KindCatalog.Kinds.Records.Single(record => record.Name == name);

    // Built by reflection, every settable property set to a value no default has: a property the writer forgets reads
    // back as its default (or not at all) and shows up as a difference below.
    private static void AssertRoundTrip(Type record, bool unknown)
    {
        var original = (CloudResource)Build(record, unknown);
        var saved = InventoryFile.Write(new SavedInventory("test", ["target"], new Inventory([original], [])));

        var read = InventoryFile.Read(saved, KindCatalog.Kinds).Inventory;

        Assert.Empty(read.Diagnostics);
        var back = Assert.Single(read.Resources);
        AssertNone(Differences(original, back, $"{record.Name} ({original.Type})").Select(difference => $"lost on the way through the saved inventory: {difference}"));
    }

    private static object Build(Type record, bool unknown)
    {
        var instance = Activator.CreateInstance(record)!;
        foreach (var property in record.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(property => property.SetMethod is { IsPublic: true }))
        {
            property.SetValue(instance, Value(property, unknown));
        }

        return instance;
    }

    private static object? Value(PropertyInfo property, bool unknown)
    {
        var type = property.PropertyType;
        var name = property.Name;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Fact<>))
        {
            var valueType = type.GetGenericArguments()[0];
            var factory = typeof(Fact).GetMethod(unknown ? nameof(Fact.Unknown) : nameof(Fact.Known))!.MakeGenericMethod(valueType);
            return factory.Invoke(null, [unknown ? $"{name} is not known in this test" : Plain(valueType, name)]);
        }

        return type switch
        {
            _ when type == typeof(KeyReference) => unknown
                ? new KeyReference.Undetermined($"{name} is not known in this test")
                : new KeyReference.Described((KmsKey)Build(typeof(KmsKey), unknown: false)),
            _ when type == typeof(SourceLocation) => new SourceLocation($"{name}.tf", 12, 3),
            _ when type == typeof(SourceAddress) => new SourceAddress(ResourceSources.Terraform, $"aws_{name.ToLowerInvariant()}", "this"),
            _ when type == typeof(IReadOnlyList<Suppression>) => new[] { new Suppression("some-rule", "accepted for a test", new SourceLocation("main.tf", 7, 5)) },
            _ => Plain(type, name),
        };
    }

    // A value of a plain type that is no default: not false, not zero, not the first name of an enum.
    private static object Plain(Type type, string name) => type switch
    {
        _ when type == typeof(string) => $"{name} value",
        _ when type == typeof(bool) => true,
        _ when type == typeof(int) => 17,
        _ when type == typeof(long) => 4_000_000_017L,
        _ when type == typeof(IReadOnlyList<string>) => new[] { $"{name} one", $"{name} two" },
        _ when type == typeof(IReadOnlyDictionary<string, string>) => new Dictionary<string, string> { [$"{name} key"] = $"{name} one", ["owner"] = $"{name} two" },
        _ when type == typeof(decimal) => 2.5m,
        { IsEnum: true } => Enum.GetValues(type).Cast<object>().Last(),
        _ when Nullable.GetUnderlyingType(type) is { } inner => Plain(inner, name),
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => OneItem(type.GetGenericArguments()[0], name),
        _ when type.GetCustomAttribute<SavedAsJsonAttribute>() is not null => SavedAsJson(type, name),
        _ => throw new NotSupportedException($"the round-trip test cannot build a {type.Name} for {name}: teach it, and the inventory file, that type"),
    };

    private static Array OneItem(Type item, string name)
    {
        var items = Array.CreateInstance(item, 1);
        items.SetValue(Plain(item, name), 0);
        return items;
    }

    // A [SavedAsJson] record built through its constructor, every parameter a plain value.
    private static object SavedAsJson(Type record, string name)
    {
        var constructor = record.GetConstructors().OrderByDescending(candidate => candidate.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(parameter => Plain(parameter.ParameterType, $"{name}.{parameter.Name}"))]);
    }

    // Property by property, facts by their state, reason and value, lists item by item, records field by field.
    private static IEnumerable<string> Differences(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected == actual ? [] : [$"{path}: {Show(expected)} became {Show(actual)}"];
        }

        if (expected is IEnumerable items and not string)
        {
            var left = items.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            return left.Count != right.Count
                ? [$"{path}: {left.Count} items became {right.Count}"]
                : left.Zip(right).SelectMany((pair, index) => Differences(pair.First, pair.Second, $"{path}[{index}]"));
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            return [$"{path}: a {type.Name} became a {actual.GetType().Name}"];
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Fact<>))
        {
            var known = (bool)type.GetProperty(nameof(Fact<int>.IsKnown))!.GetValue(expected)!;
            var state = Differences(known, type.GetProperty(nameof(Fact<int>.IsKnown))!.GetValue(actual), $"{path}.IsKnown")
                .Concat(Differences(type.GetProperty(nameof(Fact<int>.Reason))!.GetValue(expected), type.GetProperty(nameof(Fact<int>.Reason))!.GetValue(actual), $"{path}.Reason"))
                .ToList();
            return state.Count > 0 || !known
                ? state
                : Differences(type.GetProperty(nameof(Fact<int>.Value))!.GetValue(expected), type.GetProperty(nameof(Fact<int>.Value))!.GetValue(actual), path);
        }

        if (type.IsPrimitive || type.IsEnum || expected is string or decimal)
        {
            return Equals(expected, actual) ? [] : [$"{path}: {Show(expected)} became {Show(actual)}"];
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetIndexParameters().Length == 0)
            .SelectMany(property => Differences(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}"));
    }

    // Each problem in full, one a line: the message names the kind and the missing piece.
    private static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, string.Join('\n', list));
    }

    private static string Show(object? value) => value is null ? "null" : $"'{value}'";

    [GeneratedRegex("^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$")]
    private static partial Regex CloudFormationType();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex ServiceName();
}
