namespace Kagi.Core.Model;

/// <summary>
/// Marks a fact a record gained after saved inventories of format 1 were first written: a saved inventory without it
/// reads it as unknown (the record's default), since the scan that saved it knew nothing of it.
/// Every other fact must be in the file.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsentFromOlderInventoriesAttribute : Attribute
{
}
