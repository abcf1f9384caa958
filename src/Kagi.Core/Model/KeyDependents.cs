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

        var byKey = inventory.Resources.OfType<IKeyProtected>()
            .Where(Protects)
            .Select(resource => (Key: resource.Key is KeyReference.Described described ? Identity(described.Key) : default, Resource: (CloudResource)resource))
            .Where(pair => pair.Key != default)
            .ToLookup(pair => pair.Key, pair => Dependent(pair.Resource));

        return inventory with
        {
            Resources = [.. inventory.Resources.Select(resource => resource is KmsKey key
                ? key with { Dependents = Fact.Known<IReadOnlyList<KeyDependent>>([.. byKey[Identity(key)]]) }
                : resource)],
        };
    }

    // An unencrypted store may still name a key (Terraform keeps the argument); the key protects nothing of it.
    private static bool Protects(IKeyProtected resource) =>
        resource is not IEncryptedAtRest { StorageEncrypted: { IsKnown: true, Value: false } };

    // A live key is its ARN; a Terraform key is its address within one root module.
    private static (string Id, string? Scope) Identity(KmsKey key) => (key.Id, key.Scope);

    private static KeyDependent Dependent(CloudResource resource) =>
        new(resource.Type, resource.Id, resource.Name.IsKnown ? resource.Name.Value : null);
}
