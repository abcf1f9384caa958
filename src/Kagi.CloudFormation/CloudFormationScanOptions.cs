namespace Kagi.CloudFormation;

/// <summary>What a template is evaluated with: parameter values, and the pseudo-parameters known for the stack (null: unknown).</summary>
public sealed record CloudFormationScanOptions
{
    public static CloudFormationScanOptions Default { get; } = new();

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
