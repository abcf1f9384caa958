namespace Kagi.CloudFormation;

/// <summary>What a template is evaluated with: parameter values, and the pseudo-parameters known for the stack (null: unknown).</summary>
public sealed record CloudFormationScanOptions
{
    public static CloudFormationScanOptions Default { get; } = new();

    /// <summary>The pseudo-parameters a scan can be given, as parameters of these names.</summary>
    public static IReadOnlyList<string> GivenPseudoParameters { get; } = ["AWS::AccountId", "AWS::Region", "AWS::StackName"];

    /// <summary>
    /// The options for these values: a value named <c>AWS::AccountId</c>, <c>AWS::Region</c> or <c>AWS::StackName</c> gives that
    /// pseudo-parameter (<c>--parameter AWS::AccountId=111122223333</c>), any other name a parameter. Other names in the
    /// <c>AWS::</c> namespace, which no stack parameter can have, are left out (the CLI refuses them).
    /// </summary>
    public static CloudFormationScanOptions From(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new CloudFormationScanOptions
        {
            Parameters = values.Where(pair => !pair.Key.StartsWith("AWS::", StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal),
            AccountId = values.GetValueOrDefault("AWS::AccountId"),
            Region = values.GetValueOrDefault("AWS::Region"),
            StackName = values.GetValueOrDefault("AWS::StackName"),
        };
    }

    /// <summary>Parameter values by name, over the template's defaults (<c>--parameter</c>, <c>--parameters-file</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>AWS::Region</c>; <c>AWS::Partition</c> and <c>AWS::URLSuffix</c> follow from it.</summary>
    public string? Region { get; init; }

    /// <summary><c>AWS::AccountId</c>.</summary>
    public string? AccountId { get; init; }

    /// <summary><c>AWS::StackName</c>.</summary>
    public string? StackName { get; init; }

    /// <summary>The clock against which a <c>Metadata.kagi.ignore</c> entry's <c>until</c> is judged.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
