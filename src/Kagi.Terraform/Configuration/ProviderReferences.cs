using Kagi.Hcl.Syntax;

namespace Kagi.Terraform.Configuration;

/// <summary>Names provider configurations as Terraform does: <c>aws</c> for the default one, <c>aws.west</c> for an alias.</summary>
internal static class ProviderReferences
{
    /// <summary>A reference written as a traversal (native syntax) or a string (JSON syntax); null for anything else.</summary>
    public static string? Of(Expression? expression) => expression switch
    {
        ScopeTraversalExpr { Root: var root, Steps: var steps } when steps.All(step => step is GetAttrStep) =>
            string.Join('.', [root, .. steps.Cast<GetAttrStep>().Select(step => step.Name)]),
        LiteralExpr { Value: string text } => text,
        TemplateExpr { Parts: [TemplateLiteral literal] } => literal.Text,
        _ => null,
    };

    /// <summary>The configuration a <c>provider</c> block defines.</summary>
    public static string Defined(Block provider) =>
        provider.Body.Attributes.FirstOrDefault(attribute => attribute.Name == "alias") is { } alias
            ? $"{provider.Labels[0]}.{Of(alias.Value)}"
            : provider.Labels[0];

    /// <summary>The configuration a resource uses: its <c>provider</c> argument, else the default one its type's prefix names.</summary>
    public static string UsedBy(ResourceDeclaration resource) =>
        Of(resource.Argument("provider")?.Value) ?? resource.Type.Split('_')[0];

    /// <summary>
    /// What a module call's <c>providers</c> map passes, the child's name to the caller's; null when the call has no map,
    /// and the child then inherits the caller's default configurations (and no aliased one).
    /// </summary>
    public static IReadOnlyDictionary<string, string>? PassedBy(ModuleCall call)
    {
        if (call.Argument("providers") is not { } providers)
        {
            return null;
        }

        var passed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in (providers.Value as ObjectExpr)?.Items ?? [])
        {
            if (Of(item.Key) is { } child && Of(item.Value) is { } caller)
            {
                passed[child] = caller;
            }
        }

        return passed;
    }
}
