using System.Collections.Concurrent;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>
/// Tells which key protects a resource by asking KMS, once per distinct key per region however many resources share it.
/// The account's <c>alias/aws/…</c> keys are recognised from <c>ListAliases</c>: <c>DescribeKey</c> on such an alias
/// could create the AWS-managed key, and a key behind a reserved alias needs no further question.
/// </summary>
public sealed class KmsKeyResolver
{
    private readonly IAmazonKeyManagementService _kms;
    private readonly RegionContext _region;
    private readonly ConcurrentDictionary<string, Lazy<Task<KeyReference>>> _keys = new(StringComparer.Ordinal);
    private readonly Lazy<Task<IReadOnlyDictionary<string, string>>> _awsManagedAliases;

    public KmsKeyResolver(IAmazonKeyManagementService kms, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(kms);
        ArgumentNullException.ThrowIfNull(region);
        _kms = kms;
        _region = region;
        _awsManagedAliases = new(() => ListAwsManagedAliasesAsync(region.CancellationToken));
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
    /// <exception cref="AwsCallException">KMS failed for a reason other than a refusal (throttled out, unavailable).</exception>
    public Task<KeyReference> ResolveAsync(string keyArn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyArn);
        return _keys.GetOrAdd(keyArn, arn => new Lazy<Task<KeyReference>>(() => DescribeAsync(arn))).Value;
    }

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
        if (arn?.Account == _region.Account && (await _awsManagedAliases.Value.ConfigureAwait(false)).TryGetValue(arn.KeyId, out var alias))
        {
            return new KeyReference.Described(AwsManagedKey(keyArn, alias));
        }

        try
        {
            var response = await _region.Call(AwsService.Kms, "DescribeKey", token => _kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = keyArn }, token)).ConfigureAwait(false);
            var key = ToKey(response.KeyMetadata, keyArn);
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
        var rotation = Optional("GetKeyRotationStatus", async token =>
            (await _kms.GetKeyRotationStatusAsync(new GetKeyRotationStatusRequest { KeyId = keyId }, token).ConfigureAwait(false)).KeyRotationEnabled == true);
        var policy = arn is not null && arn.Account != _region.Account
            ? Task.FromResult(Fact.Unknown<string>(Texts.Canonical("reasons.kms-policy-other-account", ("key", keyId), ("account", arn.Account))))
            : Optional("GetKeyPolicy", async token =>
                (await _kms.GetKeyPolicyAsync(new GetKeyPolicyRequest { KeyId = keyId, PolicyName = "default" }, token).ConfigureAwait(false)).Policy);
        var tags = arn is not null && arn.Account != _region.Account
            ? Task.FromResult(Fact.Unknown<IReadOnlyDictionary<string, string>>(Texts.Canonical("reasons.kms-tags-other-account", ("key", keyId), ("account", arn.Account))))
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

    // A failed ListAliases costs only the shortcut: DescribeKey still answers for every key.
    private async Task<IReadOnlyDictionary<string, string>> ListAwsManagedAliasesAsync(CancellationToken cancellationToken)
    {
        var byKeyId = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            string? marker = null;
            do
            {
                var page = await _region.Call(AwsService.Kms, "ListAliases", token => _kms.ListAliasesAsync(new ListAliasesRequest { Marker = marker, Limit = 100 }, token)).ConfigureAwait(false);
                foreach (var alias in page.Aliases ?? [])
                {
                    if (alias.TargetKeyId is { } keyId && alias.AliasName is { } name && KeyLevelClassifier.IsAwsManagedAlias(name))
                    {
                        byKeyId[keyId] = name;
                    }
                }

                marker = page.Truncated == true ? page.NextMarker : null;
            }
            while (!string.IsNullOrEmpty(marker) && !cancellationToken.IsCancellationRequested);
        }
        catch (AwsCallException)
        {
            return new Dictionary<string, string>();
        }

        return byKeyId;
    }

    private KmsKey AwsManagedKey(string keyArn, string alias) => new()
    {
        Id = keyArn,
        Name = Fact.Known(alias),
        Region = _region.Region,
        Account = _region.Account,
        Arn = Fact.Known(keyArn),
        Manager = Fact.Known(KeyManager.Aws),
        InCustomKeyStore = Fact.Known(false),
        Origin = Fact.Known("AWS_KMS"),

        // AWS rotates every AWS-managed key every year; it cannot be turned off. Nor can it be tagged.
        RotationEnabled = Fact.Known(true),
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

/// <summary>The parts of a KMS key ARN, <c>arn:aws:kms:eu-west-1:111122223333:key/1234abcd-…</c>.</summary>
internal sealed record KeyArn(string Region, string Account, string KeyId)
{
    public static KeyArn? Parse(string value)
    {
        var parts = value.Split(':', 6);
        return parts is ["arn", _, "kms", var region, var account, var resource] && resource.StartsWith("key/", StringComparison.Ordinal)
            ? new KeyArn(region, account, resource["key/".Length..])
            : null;
    }
}
