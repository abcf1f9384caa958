using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws;

/// <summary>
/// A setting a rebuild carries that a call of its own reads (a repository's policy, a vault's notifications): the
/// service's not-found answer for a resource without it is none, and any other failure leaves the setting unknown with the
/// failed call as its reason, so the resource is still judged and the fix says what it could not carry.
/// </summary>
internal static class LiveSetting
{
    /// <param name="noneCode">The error code the service answers when the resource has no such setting; null when it always has one.</param>
    public static Task<Fact<T>> ReadAsync<T>(RegionContext region, Func<Task<AwsAnswer>> call, Func<AwsAnswer, T> read, string? noneCode) =>
        ReadAsync<T>(region, async () => read(await call().ConfigureAwait(false)), noneCode, default!);

    /// <summary>A setting read by calls of its own (pages, or a call per part): any of them failing leaves it unknown.</summary>
    public static Task<Fact<T>> ReadAsync<T>(RegionContext region, Func<Task<T>> read) => ReadAsync<T>(region, read, null, default!);

    /// <param name="noneCode">The error code the service answers when the resource has no such setting, read as <paramref name="none"/>.</param>
    public static async Task<Fact<T>> ReadAsync<T>(RegionContext region, Func<Task<T>> read, string? noneCode, T none)
    {
        try
        {
            return Fact.Known(await read().ConfigureAwait(false));
        }
        catch (AwsCallException exception) when (noneCode is not null && exception.Code == noneCode)
        {
            return Fact.Known(none);
        }
        catch (AwsCallException exception)
        {
            return Fact.Unknown<T>(region.Failed(exception));
        }
    }
}
