namespace Kagi.CloudFormation.Evaluation;

/// <summary>A value of a template once its intrinsic functions are evaluated as far as their inputs are known.</summary>
internal abstract record TemplateValue
{
    public static TemplateValue Null { get; } = new TemplateNull();

    public static TemplateValue NoValue { get; } = new TemplateNoValue();

    /// <summary>How a reason names the value: its text, or its kind.</summary>
    public abstract string Describe();
}

/// <summary>A scalar: CloudFormation passes numbers and booleans as their text.</summary>
internal sealed record TemplateText(string Value) : TemplateValue
{
    public override string Describe() => Value;
}

internal sealed record TemplateList(IReadOnlyList<TemplateValue> Items) : TemplateValue
{
    public override string Describe() => "list";

    public bool Equals(TemplateList? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;
}

internal sealed record TemplateMap(IReadOnlyList<KeyValuePair<string, TemplateValue>> Entries) : TemplateValue
{
    public TemplateValue? Get(string key) => Entries.FirstOrDefault(entry => entry.Key == key).Value;

    public override string Describe() => "map";

    public bool Equals(TemplateMap? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => Entries.Count;
}

internal sealed record TemplateNull : TemplateValue
{
    public override string Describe() => "null";
}

/// <summary><c>AWS::NoValue</c>: the property, or the list item, is left out.</summary>
internal sealed record TemplateNoValue : TemplateValue
{
    public override string Describe() => "AWS::NoValue";
}

/// <summary>
/// A value known only when the stack is deployed, with the reason; <see cref="Origin"/> names the resource of the same
/// template it comes from (a <c>Ref</c> or <c>Fn::GetAtt</c>), which links records the way a Terraform reference does.
/// </summary>
internal sealed record TemplateUnknown(string Reason, ResourceOrigin? Origin = null) : TemplateValue
{
    /// <summary>
    /// The literal end of a string <c>Fn::Sub</c> builds after its last unknown part, such as <c>:alias/app-data</c> of
    /// <c>arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/app-data</c>; null when it ends unknown.
    /// </summary>
    public string? KnownEnd { get; init; }

    /// <summary>
    /// The <c>Fn::Sub</c> text a string is built from when some of its parts are unknown, as written (e.g.
    /// <c>arn:${AWS::Partition}:iam::${AWS::AccountId}:root</c>): what is known of its shape; null for any other unknown.
    /// </summary>
    public string? Written { get; init; }

    public override string Describe() => Origin?.ToString() ?? "?";
}

/// <summary>A resource of the template, and the attribute read from it (null for <c>Ref</c>).</summary>
internal sealed record ResourceOrigin(string LogicalId, string? Attribute)
{
    public override string ToString() => Attribute is null ? $"Ref {LogicalId}" : $"Fn::GetAtt {LogicalId}.{Attribute}";
}
