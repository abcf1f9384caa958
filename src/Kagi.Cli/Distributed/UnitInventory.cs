using System.IO.Compression;
using System.Text;
using Kagi.Aws.Organizations;
using Kagi.Core.Model;
using Kagi.Rules;

namespace Kagi.Cli;

/// <summary>
/// What a unit read, as the store keeps it until the scan completes: the saved-inventory format (so it reads back with
/// every check a saved inventory gets), its targets the account and the regions read, gzip-compressed.
/// </summary>
internal static class UnitInventory
{
    /// <summary>A unit's scan: its targets the account, then the regions it read.</summary>
    public static byte[] Encode(AccountScan scan) =>
        Encode([$"account {scan.Label}", .. scan.Result.Regions], scan.Inventory);

    /// <summary>Any inventory with its targets (the scan's notes have none and no resources).</summary>
    public static byte[] Encode(IReadOnlyList<string> targets, Inventory inventory)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            InventoryFile.Write(gzip, "aws", targets, inventory.Resources, inventory.Unscanned, inventory.Diagnostics);
        }

        return compressed.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a unit's inventory.</exception>
    public static SavedInventory Decode(byte[] encoded, string unit)
    {
        using var gzip = new GZipStream(new MemoryStream(encoded), CompressionMode.Decompress);
        using var text = new StreamReader(gzip, Encoding.UTF8);
        return InventoryFile.Read(text.ReadToEnd(), KindCatalog.Kinds, $"unit {unit}");
    }
}
