using Kagi.Core.Files;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Evaluation;

/// <summary>Gives meaning to the names an expression starts with (<c>var</c>, <c>local</c>, a resource type, <c>data</c>...).</summary>
internal interface IReferenceResolver
{
    /// <summary>The directory that <c>file()</c> and <c>templatefile()</c> read relative to.</summary>
    string ModuleDirectory { get; }

    /// <summary>What <c>file()</c> and its kin may read.</summary>
    ScanRoots Roots { get; }

    /// <summary>
    /// The value of the traversal's root and of the leading steps the resolver owns (a resource's name and attribute);
    /// <paramref name="stepsUsed"/> says how many steps it consumed; <paramref name="scope"/> evaluates instance keys such as <c>[count.index]</c>.
    /// </summary>
    TfValue Resolve(ScopeTraversalExpr traversal, Scope scope, out int stepsUsed);
}
