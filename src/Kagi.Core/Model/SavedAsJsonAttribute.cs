namespace Kagi.Core.Model;

/// <summary>
/// Marks a small record of plain values (strings, numbers, booleans, each nullable) that a fact may hold, alone or in a
/// list: a saved inventory keeps it as a JSON object, its properties in camel case, and refuses one that does not read.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SavedAsJsonAttribute : Attribute
{
}
