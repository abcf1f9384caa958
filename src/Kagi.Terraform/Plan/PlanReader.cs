using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;

namespace Kagi.Terraform.Plan;

/// <summary>Reads the JSON of <c>terraform show -json plan.out</c> into Core records.</summary>
internal static class PlanReader
{
    public static List<CloudResource> Read(string path, string text, List<ScanDiagnostic> diagnostics, ResourceMappers mappers)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException error)
        {
            var location = new SourceLocation(path, (int)(error.LineNumber ?? 0) + 1, (int)(error.BytePositionInLine ?? 0) + 1);
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.plan-invalid-json", ("error", WithoutPosition(error.Message))), location));
            return [];
        }

        using (document)
        {
            var root = document.RootElement;
            if (!IsPlan(root))
            {
                diagnostics.Add(new ScanDiagnostic(
                    DiagnosticSeverity.Error,
                    Texts.Canonical("reasons.json-neither-plan-nor-configuration"),
                    new SourceLocation(path, 1)));
                return [];
            }

            if (Misshapen(root) is { } problem)
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, problem, new SourceLocation(path, 1)));
                return [];
            }

            return Map(path, text, root, diagnostics, mappers);
        }
    }

    // The sections the reader walks must have the kind Terraform writes, or a tampered plan would read as one with no resources.
    private static string? Misshapen(JsonElement root)
    {
        foreach (var (name, kind) in new[] { ("planned_values", JsonValueKind.Object), ("configuration", JsonValueKind.Object), ("prior_state", JsonValueKind.Object), ("resource_changes", JsonValueKind.Array) })
        {
            if (PlanJson.Property(root, name) is { ValueKind: var found } && found != kind && found != JsonValueKind.Null)
            {
                return Texts.Canonical("reasons.plan-unreadable", ("path", $"$.{name}"), ("expected", kind.ToString().ToLowerInvariant()), ("found", found.ToString().ToLowerInvariant()));
            }
        }

        return null;
    }

    private static bool IsPlan(JsonElement root) =>
        PlanJson.Property(root, "format_version") is not null
        && (PlanJson.Property(root, "planned_values") is not null || PlanJson.Property(root, "configuration") is not null);

    private static List<CloudResource> Map(string path, string text, JsonElement root, List<ScanDiagnostic> diagnostics, ResourceMappers mappers)
    {
        var configuration = PlanJson.Property(root, "configuration");

        // Terraform resolves each resource's provider configuration (aliases, module providers maps) into its
        // provider_config_key, an opaque key into provider_config; a resource without configuration uses the default.
        var providers = PlanJson.Property(configuration, "provider_config");
        JsonElement? Setting(string providerKey, string name) =>
            PlanJson.Property(PlanJson.Property(PlanJson.Property(PlanJson.Property(providers, providerKey), "expressions"), name), "constant_value");
        string? RegionOf(string providerKey) => Setting(providerKey, "region") is { ValueKind: JsonValueKind.String } known ? known.GetString() : null;

        // Terraform refuses credentials for any account but those allowed_account_ids names: one name is the account.
        string? AccountOf(string providerKey) =>
            PlanJson.Strings(Setting(providerKey, "allowed_account_ids")) is [var only] ? only : null;

        var afterUnknown = PlanJson.Array(root, "resource_changes")
            .Where(c => PlanJson.String(c, "address") is not null)
            .GroupBy(c => PlanJson.String(c, "address")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => PlanJson.Property(PlanJson.Property(g.First(), "change"), "after_unknown"), StringComparer.Ordinal);
        var configured = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        CollectConfiguration(PlanJson.Property(configuration, "root_module"), string.Empty, configured, outputs);
        PlanResourceView View(PlanResourceParts parts, string modulePrefix, int line) =>
            new(parts, modulePrefix, outputs, new SourceLocation(path, line), RegionOf(parts.ProviderKey), AccountOf(parts.ProviderKey));

        var views = new Dictionary<string, IResourceView>(StringComparer.Ordinal);
        var managed = new List<IResourceView>();
        // Data sources read while planning are in the prior state, with the values they found.
        var planned = PlanJson.Property(PlanJson.Property(root, "planned_values"), "root_module");
        var read = PlanJson.Property(PlanJson.Property(PlanJson.Property(root, "prior_state"), "values"), "root_module");
        var resources = PlannedResources(planned, string.Empty, "$.planned_values.root_module")
            .Concat(PlannedResources(read, string.Empty, "$.prior_state.values.root_module").Where(r => PlanJson.String(r.Resource, "mode") == "data"));
        foreach (var (resource, modulePrefix, jsonPath) in resources)
        {
            var parts = Parts(resource, modulePrefix, configured, afterUnknown);
            if (parts is null)
            {
                // A resource with no address, type or name cannot be judged; silence would let it pass unseen.
                diagnostics.Add(new ScanDiagnostic(
                    DiagnosticSeverity.Error,
                    Texts.Canonical("reasons.plan-resource-left-out", ("path", jsonPath)),
                    new SourceLocation(path, 1)));
                continue;
            }

            if (views.ContainsKey(parts.Address))
            {
                continue;
            }

            var view = View(parts, modulePrefix, LineOf(text, parts.Address));
            views[parts.Address] = view;
            if (PlanJson.String(resource, "mode") != "data")
            {
                managed.Add(view);
            }
        }

        // Data sources that the plan did not read are known only by their configuration.
        foreach (var (address, resource) in configured.Where(c => !views.ContainsKey(c.Key)))
        {
            var parts = new PlanResourceParts(address, PlanJson.String(resource, "type") ?? string.Empty, PlanJson.String(resource, "name") ?? string.Empty, null, null, PlanJson.Property(resource, "expressions"), ProviderKey(resource));
            views[address] = View(parts, ModulePrefix(address, resource), line: 1);
        }

        return ResourceMapping.Map(managed, new ResourceIndex(views), mappers);
    }

    private static PlanResourceParts? Parts(JsonElement resource, string modulePrefix, Dictionary<string, JsonElement> configured, Dictionary<string, JsonElement?> afterUnknown)
    {
        if (PlanJson.String(resource, "address") is not { } address || PlanJson.String(resource, "type") is not { } type || PlanJson.String(resource, "name") is not { } name)
        {
            return null;
        }

        var mode = PlanJson.String(resource, "mode") == "data" ? "data." : string.Empty;
        configured.TryGetValue($"{PlanJson.WithoutInstanceKeys(modulePrefix)}{mode}{type}.{name}", out var config);
        return new PlanResourceParts(
            address,
            type,
            name,
            PlanJson.Property(resource, "values"),
            afterUnknown.GetValueOrDefault(address),
            PlanJson.Property(config, "expressions"),
            ProviderKey(config));
    }

    private static string ProviderKey(JsonElement? configuration) => PlanJson.String(configuration, "provider_config_key") ?? "aws";

    /// <param name="jsonPath">Where <paramref name="module"/> is in the plan, for diagnostics: <c>$.planned_values.root_module</c>.</param>
    private static IEnumerable<(JsonElement Resource, string ModulePrefix, string JsonPath)> PlannedResources(JsonElement? module, string modulePrefix, string jsonPath)
    {
        var index = 0;
        foreach (var resource in PlanJson.Array(module, "resources"))
        {
            yield return (resource, modulePrefix, string.Create(CultureInfo.InvariantCulture, $"{jsonPath}.resources[{index++}]"));
        }

        index = 0;
        foreach (var child in PlanJson.Array(module, "child_modules"))
        {
            var prefix = PlanJson.String(child, "address") is { } address ? $"{address}." : modulePrefix;
            foreach (var nested in PlannedResources(child, prefix, string.Create(CultureInfo.InvariantCulture, $"{jsonPath}.child_modules[{index++}]")))
            {
                yield return nested;
            }
        }
    }

    // Configuration addresses are relative to their module; they are keyed here by module path (module.db.aws_kms_key.k),
    // and so are module outputs (module.db.key_arn), with what their expressions refer to.
    private static void CollectConfiguration(JsonElement? module, string modulePrefix, Dictionary<string, JsonElement> configured, Dictionary<string, List<string>> outputs)
    {
        foreach (var resource in PlanJson.Array(module, "resources"))
        {
            if (PlanJson.String(resource, "address") is { } address)
            {
                configured.TryAdd(modulePrefix + address, resource);
            }
        }

        if (PlanJson.Property(module, "module_calls") is { ValueKind: JsonValueKind.Object } calls)
        {
            foreach (var call in calls.EnumerateObject())
            {
                var callPrefix = $"{modulePrefix}module.{call.Name}.";
                var called = PlanJson.Property(call.Value, "module");
                if (PlanJson.Property(called, "outputs") is { ValueKind: JsonValueKind.Object } declared)
                {
                    foreach (var output in declared.EnumerateObject())
                    {
                        outputs[callPrefix + output.Name] = PlanJson.Strings(PlanJson.Property(PlanJson.Property(output.Value, "expression"), "references"));
                    }
                }

                CollectConfiguration(called, callPrefix, configured, outputs);
            }
        }
    }

    private static string ModulePrefix(string fullAddress, JsonElement resource) =>
        PlanJson.String(resource, "address") is { } address && fullAddress.EndsWith(address, StringComparison.Ordinal)
            ? fullAddress[..^address.Length]
            : string.Empty;

    // The first "address": "<address>" is the resource's object in planned_values, which Terraform writes first.
    private static int LineOf(string text, string address)
    {
        var escaped = address.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var match = Regex.Match(text, $"\"address\"\\s*:\\s*\"{Regex.Escape(escaped)}\"", RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? text.AsSpan(0, match.Index).Count('\n') + 1 : 1;
    }

    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }

}
