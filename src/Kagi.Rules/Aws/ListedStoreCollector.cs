using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws;

/// <summary>
/// The collector of a data store whose one listing call (through a protocol client) names each store's key: the
/// listing is paged and read, and each store's key resolved through the region's shared resolver as its page arrives.
/// </summary>
public abstract class ListedStoreCollector<TStore> : ILiveCollector
    where TStore : CloudResource, IEncryptedAtRest
{
    public string ResourceType => ResourceKinds.Of(typeof(TStore)).Type;

    public AwsService Service => Listing.Api.Service;

    public virtual IReadOnlyList<string> Calls => [Listing.Name];

    /// <summary>The listing operation.</summary>
    protected abstract AwsOperation Listing { get; }

    /// <summary>The member of each page that holds the listed stores.</summary>
    protected abstract string ListMember { get; }

    /// <summary>The page size to ask for, under the API's own name for it.</summary>
    protected abstract KeyValuePair<string, object> PageSize { get; }

    /// <summary>A key not yet resolved, for the listed record until its key is.</summary>
    protected static KeyReference NotResolved => new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved"));

    public abstract string WildcardArn(string partition, string region, string account);

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        return this.CollectPagesAsync(
            region,
            services,
            PagesAsync(services.Clients.Api(Listing.Api, region.Region), region),
            async store => WithKey(store, await KeyOf(store, services.Keys).ConfigureAwait(false)),
            store => (store.Id, store.KmsKeyId.Value));
    }

    /// <summary>Each page of listed stores, their keys not yet resolved, as soon as it arrives.</summary>
    protected virtual IAsyncEnumerable<IReadOnlyList<TStore>> PagesAsync(AwsApiClient client, RegionContext region) =>
        client.ItemPagesAsync(region, Listing, ListMember, item => Read(item, region), [PageSize]);

    /// <summary>One listed store, its key not yet resolved.</summary>
    protected abstract TStore Read(AwsAnswer item, RegionContext region);

    /// <summary>The store with its resolved key.</summary>
    protected abstract TStore WithKey(TStore store, KeyReference key);

    /// <summary>The key of an encrypted store the listing names no key for: an AWS-owned one unless the service says otherwise.</summary>
    protected virtual KeyReference UnnamedKey => new KeyReference.AwsOwned();

    private Task<KeyReference> KeyOf(TStore store, KmsKeyResolver keys) =>
        store is { KmsKeyId.Value: not { Length: > 0 }, StorageEncrypted: { IsKnown: true, Value: true } }
            ? Task.FromResult(UnnamedKey)
            : keys.ResolveStorageKeyAsync(store.StorageEncrypted, store.KmsKeyId.Value);
}
