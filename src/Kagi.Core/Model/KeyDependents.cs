namespace Kagi.Core.Model;

/// <summary>A resource whose data a key protects, as the key lists it.</summary>
public sealed record KeyDependent(string ResourceType, string Id, string? Name);

/// <summary>
/// Joins every KMS key of an inventory to the resources it protects: a fact of the inventory as a whole, which no source
/// reports about one key, so it is attached before judging rather than read or saved.
/// </summary>
public static class KeyDependents
{
    /// <summary>The inventory with each key's <see cref="KmsKey.Dependents"/> known.</summary>
    public static Inventory Attach(Inventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        if (!inventory.Resources.Any(resource => resource is KmsKey))
        {
            return inventory;
        }

        var byKey = inventory.Resources
            .Select(resource => (Key: ProtectingKey(resource), Resource: resource))
            .Where(pair => pair.Key is not null)
            .ToLookup(pair => pair.Key!.Value, pair => DependentOf(pair.Resource));

        // A key whose dependents are known was joined already, across more than this inventory holds (an organization).
        return inventory with
        {
            Resources = [.. inventory.Resources.Select(resource => resource is KmsKey { Dependents.IsKnown: false } key
                ? key with { Dependents = Fact.Known<IReadOnlyList<KeyDependent>>([.. byKey[Identity(key)]]) }
                : resource)],
        };
    }

    /// <summary>The identity of the key that protects <paramref name="resource"/>'s data, or null when none is described.</summary>
    internal static (string Id, string? Scope)? ProtectingKey(CloudResource resource) =>
        resource is IKeyProtected { Key: KeyReference.Described described } protectedResource && Protects(protectedResource) ? Identity(described.Key) : null;

    /// <summary>
    /// Whether <paramref name="resource"/>'s data is protected by a key known only by name (a service default, an alias,
    /// an ID not described): such keys are listed by that name, with what they protect.
    /// </summary>
    public static bool ProtectedByNamedKey(CloudResource resource) =>
        resource is IKeyProtected { Key: not KeyReference.Described } protectedResource && Protects(protectedResource);

    /// <summary>The identity a key is known by among its dependents: a live key its ARN, a Terraform key its address within one root module.</summary>
    internal static (string Id, string? Scope) Identity(KmsKey key) => (key.Id, key.Scope);

    /// <summary><paramref name="resource"/> as the key that protects it lists it.</summary>
    internal static KeyDependent DependentOf(CloudResource resource) =>
        new(resource.Type, resource.Id, resource.Name.IsKnown ? resource.Name.Value : null);

    /// <summary>Sets the dependents of <paramref name="key"/>, joined by a caller that saw more than one inventory.</summary>
    internal static KmsKey WithDependents(KmsKey key, IReadOnlyList<KeyDependent> dependents) =>
        key with { Dependents = Fact.Known(dependents) };

    // An unencrypted store may still name a key (Terraform keeps the argument); the key protects nothing of it.
    private static bool Protects(IKeyProtected resource) =>
        resource is not IEncryptedAtRest { StorageEncrypted: { IsKnown: true, Value: false } };
}
