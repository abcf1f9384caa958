using System.Diagnostics.CodeAnalysis;

namespace Kagi.Core.Model;

/// <summary>
/// Marks a small record of plain values (strings, numbers, booleans, each nullable) that a fact may hold, alone or in a
/// list: a saved inventory keeps it as a JSON object, its properties in camel case, and refuses one that does not read.
/// </summary>
/// <param name="context">
/// The source-generated <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> that reads and writes the record
/// and a list of it (no reflection: the published binary is Native AOT), with web defaults and nullable and required
/// members respected.
/// </param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SavedAsJsonAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type context) : Attribute
{
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    public Type Context { get; } = context;
}
