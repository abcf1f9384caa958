using Kagi.Terraform.Values;

namespace Kagi.Terraform.Evaluation;

/// <summary>Names bound by for-expressions, template directives and <c>templatefile</c>; they shadow references.</summary>
internal sealed class Scope
{
    private readonly Scope? _parent;
    private readonly IReadOnlyDictionary<string, TfValue> _bindings;

    private Scope(Scope? parent, IReadOnlyDictionary<string, TfValue> bindings)
    {
        _parent = parent;
        _bindings = bindings;
    }

    public static Scope Empty { get; } = new(null, new Dictionary<string, TfValue>());

    /// <summary>A scope that sees only these names: templatefile's variables.</summary>
    public static Scope Isolated(IReadOnlyDictionary<string, TfValue> bindings) => new(null, bindings);

    public Scope With(string? keyName, TfValue key, string valueName, TfValue value)
    {
        var bindings = new Dictionary<string, TfValue>(StringComparer.Ordinal) { [valueName] = value };
        if (keyName is not null)
        {
            bindings[keyName] = key;
        }

        return new Scope(this, bindings);
    }

    public bool TryGet(string name, out TfValue value)
    {
        for (var scope = this; scope is not null; scope = scope._parent)
        {
            if (scope._bindings.TryGetValue(name, out value!))
            {
                return true;
            }
        }

        value = TfValue.Null;
        return false;
    }
}
