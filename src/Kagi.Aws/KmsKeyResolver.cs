using System.Collections.Concurrent;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>
/// Tells which key protects a resource by asking KMS, once per distinct key per region however many resources share it,
/// and whichever way they name it (key ID, key ARN, alias name, alias ARN). The region's aliases are read once with
/// <c>ListAliases</c>: a customer alias names its key's ARN, and the account's <c>alias/aws/…</c> keys need no further
/// question (<c>DescribeKey</c> on such an alias could even create the AWS-managed key).
/// </summary>
public sealed class KmsKeyResolver
{
    private readonly IAmazonKeyManagementService _kms;
    private readonly RegionContext _region;
    private readonly ConcurrentDictionary<string, Lazy<Task<KeyReference>>> _keys = new(StringComparer.Ordinal);
    private readonly Lazy<Task<RegionAliases>> _aliases;

    public KmsKeyResolver(IAmazonKeyManagementService kms, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(kms);
        ArgumentNullException.ThrowIfNull(region);
        _kms = kms;
        _region = region;
        _aliases = new(() => ListAliasesAsync(region.CancellationToken));
    }

    /// <summary>The keys described so far, for the saved inventory.</summary>
    public IEnumerable<KmsKey> DescribedKeys => _keys.Values
        .Where(lazy => lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        .Select(lazy => lazy.Value.Result)
        .OfType<KeyReference.Described>()
        .Select(described => described.Key);

    /// <summary>
    /// The key as a reference: described, or undetermined (with the reason) when KMS will not tell us,
    /// e.g. a key in another account whose policy does not let us describe it.
    /// </summary>
    /// <param name="key">A key ARN, key ID, alias name or alias ARN, as the resource names it.</param>
    /// <exception cref="AwsCallException">KMS failed for a reason other than a refusal (throttled out, unavailable).</exception>
    public async Task<KeyReference> ResolveAsync(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (KeyLevelClassifier.FromIdentifier(key) is not KeyReference.Alias alias)
        {
            return await Describe(key.StartsWith("arn:", StringComparison.Ordinal) ? key : OwnKeyArn(key)).ConfigureAwait(false);
        }

        var aliases = await _aliases.Value.ConfigureAwait(false);
        var inThisAccount = !key.StartsWith("arn:", StringComparison.Ordinal) || KeyArn.AccountOf(key) == _region.Account;
        return (inThisAccount ? aliases.TargetOf(alias.Name) : null) switch
        {
            { } target => await Describe(OwnKeyArn(target)).ConfigureAwait(false),

            // A reserved alias not yet listed names a key AWS creates on first use: AWS-managed by its name alone.
            null when KeyLevelClassifier.IsAwsManagedAlias(alias.Name) => alias,

            // Another account's alias, or aliases that could not be listed: KMS resolves the alias itself.
            null => await Describe(key).ConfigureAwait(false),
        };
    }

    private Task<KeyReference> Describe(string key) => _keys.GetOrAdd(key, arn => new Lazy<Task<KeyReference>>(() => DescribeAsync(arn))).Value;

    private string OwnKeyArn(string keyId) => $"arn:{_region.Partition}:kms:{_region.Region}:{_region.Account}:key/{keyId}";

    /// <summary>The key that protects a resource's storage, given whether it is encrypted and the key ID it names.</summary>
    /// <exception cref="AwsCallException">KMS failed for a reason other than a refusal.</exception>
    public Task<KeyReference> ResolveStorageKeyAsync(Fact<bool> encrypted, string? kmsKeyId) => (encrypted, kmsKeyId) switch
    {
        // Unencrypted storage has no key to ask about (moto even returns a made-up KmsKeyId for it).
        ({ IsKnown: true, Value: false }, _) => Task.FromResult<KeyReference>(new KeyReference.Undetermined(Texts.Canonical("reasons.storage-not-encrypted"))),
        (_, { Length: > 0 } keyArn) => ResolveAsync(keyArn),
        ({ IsKnown: true }, _) => Task.FromResult<KeyReference>(new KeyReference.AwsOwned()),
        _ => Task.FromResult<KeyReference>(new KeyReference.Undetermined(encrypted.Reason!)),
    };

    /// <summary>A resource that could not be read; when KMS failed, its key went unread too, and the KMS rules report it as well.</summary>
    public IEnumerable<UnscannedScope> UnreadWithKey(string resourceType, string resourceId, string? keyArn, AwsCallException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        yield return _region.Unscanned(resourceType, resourceId, exception);
        if (exception.Service == AwsService.Kms && !string.IsNullOrEmpty(keyArn))
        {
            yield return _region.Unscanned(KmsKey.Descriptor.Type, keyArn, exception);
        }
    }

    private async Task<KeyReference> DescribeAsync(string keyArn)
    {
        var arn = KeyArn.Parse(keyArn);
        if (arn?.Account == _region.Account && (await _aliases.Value.ConfigureAwait(false)).AwsManagedAliasOf(arn.KeyId) is { } alias)
        {
            return new KeyReference.Described(AwsManagedKey(keyArn, alias));
        }

        try
        {
            var response = await _region.Call(AwsService.Kms, "DescribeKey", token => _kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = keyArn }, token)).ConfigureAwait(false);
            var key = ToKey(response.KeyMetadata, keyArn);
            key = key with { Aliases = (await _aliases.Value.ConfigureAwait(false)).NamesOf(response.KeyMetadata.KeyId, key.Account == _region.Account) };
            return new KeyReference.Described(key.Manager is { IsKnown: true, Value: KeyManager.Customer } ? await WithRotationAndPolicyAsync(key, arn).ConfigureAwait(false) : key);
        }
        catch (AwsCallException exception) when (exception.Kind is AwsFailureKind.AccessDenied or AwsFailureKind.NotFound)
        {
            var failure = _region.Failed(exception);
            return new KeyReference.Undetermined(arn is not null && arn.Account != _region.Account
                ? Texts.Canonical("reasons.kms-describe-refused-other-account", ("key", keyArn), ("account", arn.Account), ("failure", failure))
                : Texts.Canonical("reasons.kms-describe-refused", ("key", keyArn), ("failure", failure)));
        }
    }

    // Rotation, policy and tags describe the key further but decide no key level: a failure leaves them unknown, with the
    // reason. KMS serves GetKeyPolicy and ListResourceTags only to the key's own account.
    private async Task<KmsKey> WithRotationAndPolicyAsync(KmsKey key, KeyArn? arn)
    {
        var keyId = key.Arn.Value;
        var otherAccount = arn is not null && arn.Account != _region.Account;
        var rotation = Optional("GetKeyRotationStatus", async token =>
            (await _kms.GetKeyRotationStatusAsync(new GetKeyRotationStatusRequest { KeyId = keyId }, token).ConfigureAwait(false)).KeyRotationEnabled == true);
        var policy = otherAccount
            ? Task.FromResult(Fact.Unknown<string>(Texts.Canonical("reasons.kms-policy-other-account", ("key", keyId), ("account", arn!.Account))))
            : Optional("GetKeyPolicy", async token =>
                (await _kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = keyId, PolicyName = "default" }, token).ConfigureAwait(false)).Policy);
        var tags = otherAccount
            ? Task.FromResult(Fact.Unknown<IReadOnlyDictionary<string, string>>(Texts.Canonical("reasons.kms-tags-other-account", ("key", keyId), ("account", arn!.Account))))
            : Optional<IReadOnlyDictionary<string, string>>("ListResourceTags", token => ListTagsAsync(keyId, token));
        return key with { RotationEnabled = await rotation.ConfigureAwait(false), Policy = await policy.ConfigureAwait(false), Tags = await tags.ConfigureAwait(false) };

        async Task<Fact<T>> Optional<T>(string call, Func<CancellationToken, Task<T>> send)
        {
            try
            {
                return Fact.Known(await _region.Call(AwsService.Kms, call, send).ConfigureAwait(false));
            }
            catch (AwsCallException exception)
            {
                return Fact.Unknown<T>(Texts.Canonical("reasons.kms-key-call-failed", ("key", keyId), ("failure", _region.Failed(exception))));
            }
        }
    }

    // A key holds at most 50 tags, one page by default; the pages are followed all the same.
    private async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string keyId, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var page = await _kms.ListResourceTagsAsync(new ListResourceTagsRequest { KeyId = keyId, Marker = marker }, cancellationToken).ConfigureAwait(false);
            foreach (var tag in page.Tags ?? [])
            {
                tags[tag.TagKey] = tag.TagValue ?? string.Empty;
            }

            marker = page.Truncated == true ? page.NextMarker : null;
        }
        while (!string.IsNullOrEmpty(marker));
        return tags;
    }

    // A failed ListAliases costs only the shortcuts: DescribeKey still answers for every key and every alias.
    private async Task<RegionAliases> ListAliasesAsync(CancellationToken cancellationToken)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            string? marker = null;
            do
            {
                var page = await _region.Call(AwsService.Kms, "ListAliases", token => _kms.ListAliasesAsync(new ListAliasesRequest { Marker = marker, Limit = 100 }, token)).ConfigureAwait(false);
                foreach (var alias in page.Aliases ?? [])
                {
                    if (alias.TargetKeyId is { } keyId && alias.AliasName is { } name)
                    {
                        targets[name] = keyId;
                    }
                }

                marker = page.Truncated == true ? page.NextMarker : null;
            }
            while (!string.IsNullOrEmpty(marker) && !cancellationToken.IsCancellationRequested);
        }
        catch (AwsCallException exception)
        {
            return new RegionAliases(new Dictionary<string, string>(), _region.Failed(exception));
        }

        return new RegionAliases(targets);
    }

    private KmsKey AwsManagedKey(string keyArn, string alias) => new()
    {
        Id = keyArn,
        Name = Fact.Known(alias),
        Aliases = Fact.Known<IReadOnlyList<string>>([alias]),
        Region = _region.Region,
        Account = _region.Account,
        Arn = Fact.Known(keyArn),
        Manager = Fact.Known(KeyManager.Aws),
        InCustomKeyStore = Fact.Known(false),
        Origin = Fact.Known("AWS_KMS"),

        // AWS rotates every AWS-managed key every year, and no one can disable or delete one.
        RotationEnabled = Fact.Known(true),
        State = Fact.Known("Enabled"),
        DeletionDate = Fact.Known<string?>(null),
        MultiRegion = Fact.Known(false),
        Tags = Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>()),
    };

    private KmsKey ToKey(KeyMetadata metadata, string keyArn)
    {
        var manager = metadata.KeyManager?.Value switch
        {
            "AWS" => Fact.Known(KeyManager.Aws),
            "CUSTOMER" => Fact.Known(KeyManager.Customer),
            var other => Fact.Unknown<KeyManager>(Texts.Canonical("reasons.kms-key-manager-unexpected", ("manager", other), ("key", keyArn))),
        };
        var origin = metadata.Origin?.Value;
        return new KmsKey
        {
            Id = metadata.Arn ?? keyArn,
            Name = Fact.Known(metadata.KeyId ?? keyArn),
            Region = _region.Region,
            Account = metadata.AWSAccountId ?? _region.Account,
            Arn = Fact.Known(metadata.Arn ?? keyArn),
            Manager = manager,
            InCustomKeyStore = origin is null
                ? NotDescribed<bool>("Origin", keyArn)
                : Fact.Known(origin is "AWS_CLOUDHSM" or "EXTERNAL_KEY_STORE"),
            State = metadata.KeyState?.Value is { } state ? Fact.Known(state) : NotDescribed<string>("KeyState", keyArn),
            Origin = origin is null ? NotDescribed<string>("Origin", keyArn) : Fact.Known(origin),
            KeySpec = metadata.KeySpec?.Value is { } spec ? Fact.Known(spec) : NotDescribed<string>("KeySpec", keyArn),
            DeletionDate = Fact.Known<string?>(metadata.DeletionDate?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
            MultiRegion = Fact.Known(metadata.MultiRegion == true),

            // An AWS-managed key cannot be tagged; a customer key's tags are read with its rotation and policy.
            Tags = manager is { IsKnown: true, Value: KeyManager.Aws }
                ? Fact.Known<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>())
                : Fact.NotReported<IReadOnlyDictionary<string, string>>("tags"),
        };
    }

    // A member of the key's metadata that DescribeKey left out.
    private static Fact<T> NotDescribed<T>(string member, string keyArn) =>
        Fact.Unknown<T>(Texts.Canonical("reasons.member-missing", ("call", "DescribeKey"), ("member", member), ("subject", keyArn)));
}

/// <summary>One region's aliases: each alias name's target key ID.</summary>
/// <param name="failure">Why the aliases could not be listed, or null when they were.</param>
internal sealed class RegionAliases(IReadOnlyDictionary<string, string> targets, string? failure = null)
{
    private readonly ILookup<string, string> _namesByKeyId = targets.ToLookup(alias => alias.Value, alias => alias.Key, StringComparer.Ordinal);

    private readonly Dictionary<string, string> _awsManagedByKeyId = targets
        .Where(alias => KeyLevelClassifier.IsAwsManagedAlias(alias.Key))
        .ToDictionary(alias => alias.Value, alias => alias.Key, StringComparer.Ordinal);

    public string? TargetOf(string aliasName) => targets.GetValueOrDefault(aliasName);

    /// <summary>The alias names of one key; another account's aliases are not ours to list.</summary>
    public Fact<IReadOnlyList<string>> NamesOf(string? keyId, bool ownAccount) =>
        !ownAccount ? Fact.Unknown<IReadOnlyList<string>>(Texts.Canonical("reasons.kms-aliases-other-account"))
        : failure is not null ? Fact.Unknown<IReadOnlyList<string>>(Texts.Canonical("reasons.kms-aliases-not-listed", ("failure", failure)))
        : Fact.Known<IReadOnlyList<string>>([.. _namesByKeyId[keyId ?? string.Empty].Order(StringComparer.Ordinal)]);

    /// <summary>The <c>alias/aws/…</c> name of an AWS-managed key, or null for any other key.</summary>
    public string? AwsManagedAliasOf(string keyId) => _awsManagedByKeyId.GetValueOrDefault(keyId);
}

/// <summary>The parts of a KMS key ARN, <c>arn:aws:kms:eu-west-1:111122223333:key/1234abcd-…</c>.</summary>
internal sealed record KeyArn(string Region, string Account, string KeyId)
{
    /// <summary>The account field of any KMS ARN (key or alias), or null.</summary>
    public static string? AccountOf(string value) => value.Split(':', 6) is ["arn", _, "kms", _, var account, _] ? account : null;

    public static KeyArn? Parse(string value)
    {
        var parts = value.Split(':', 6);
        return parts is ["arn", _, "kms", var region, var account, var resource] && resource.StartsWith("key/", StringComparison.Ordinal)
            ? new KeyArn(region, account, resource["key/".Length..])
            : null;
    }
}
