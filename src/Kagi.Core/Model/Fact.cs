using System.Collections.Concurrent;
using Kagi.Core.Localization;

namespace Kagi.Core.Model;

/// <summary>A value that is either known or unknown, with the reason it could not be known.</summary>
/// <remarks>Unknown is neither null nor false: a rule that meets it must say so rather than guess.</remarks>
public readonly record struct Fact<T>
{
    private readonly T? _value;

    internal Fact(T? value, string? reason, bool isKnown)
    {
        _value = value;
        Reason = reason;
        IsKnown = isKnown;
    }

    public bool IsKnown { get; }

    /// <summary>Why the value is unknown; null when it is known.</summary>
    public string? Reason { get; }

    public T Value => IsKnown
        ? _value!
        : throw new InvalidOperationException($"The value is unknown: {Reason}");

    public Fact<TResult> Map<TResult>(Func<T, TResult> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsKnown ? Fact.Known(map(_value!)) : Fact.Unknown<TResult>(Reason!);
    }

    public override string ToString() => IsKnown ? $"{_value}" : $"unknown ({Reason})";
}

/// <summary>Shorthands for building facts.</summary>
public static class Fact
{
    public static Fact<T> Known<T>(T value) => new(value, null, true);

    public static Fact<T> Unknown<T>(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new Fact<T>(default, reason, false);
    }

    // Every record built fills the reason of each optional fact it defaults, most of them overwritten at once: a
    // million counted instances made 17 million of these strings. There are as many as there are fact names.
    private static readonly ConcurrentDictionary<string, string> NotReportedReasons = new(StringComparer.Ordinal);

    /// <summary>Unknown because the source has no such fact: the default of a record's optional fact, named by its property.</summary>
    public static Fact<T> NotReported<T>(string fact) =>
        Unknown<T>(NotReportedReasons.GetOrAdd(fact, name => Texts.Canonical("reasons.not-reported", ("fact", name))));
}
