using Kagi.Core.Collections;

namespace Kagi.Core.Tests;

public sealed class SpillCollectionsTests
{
    [Fact]
    public void A_spill_list_reads_back_every_item_across_chunks_written_to_disk_in_any_order()
    {
        // Given a list grown past many chunks, so most of it is on disk and only four chunks are cached
        using var directory = new SpillDirectory();
        using var list = new SpillList<(long, int)>(directory, "items");
        for (var item = 0; item < 50_000; item++)
        {
            list.Add((item * 3L, -item));
        }

        // Then every item reads back where it was added, in order, in reverse and at random, and nothing past the end
        Assert.Equal(50_000, list.Count);
        Assert.All(Enumerable.Range(0, 50_000), index => Assert.Equal((index * 3L, -index), list[index]));
        Assert.All(Enumerable.Range(0, 50_000).Reverse(), index => Assert.Equal((index * 3L, -index), list[index]));
        var random = new Random(7);
        for (var read = 0; read < 5_000; read++)
        {
            var index = random.Next(50_000);
            Assert.Equal((index * 3L, -index), list[index]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => list[50_000]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }

    [Fact]
    public void An_item_set_on_disk_or_in_memory_reads_back_changed_whether_its_chunk_was_cached_or_not()
    {
        // Given a list of 20,000 items, most written to disk
        using var directory = new SpillDirectory();
        using var list = new SpillList<int>(directory, "items");
        for (var item = 0; item < 20_000; item++)
        {
            list.Add(item);
        }

        // When an item is set in a chunk just read (cached), in chunks not read lately, and in the chunk being filled
        _ = list[100];
        list[100] = -100;
        list[9_000] = -9_000;
        list[19_999] = -19_999;
        for (var index = 4_096; index < 20_000; index += 4_096)
        {
            _ = list[index];
        }

        // Then each reads back changed, after its chunk left the cache too, and its neighbours are unchanged
        Assert.Equal([-100, 101, -9_000, 9_001, -19_999, 19_998], [list[100], list[101], list[9_000], list[9_001], list[19_999], list[19_998]]);
    }

    [Fact]
    public void A_spill_directory_is_private_and_gone_with_its_files_once_disposed()
    {
        // Given a spill directory with a file in it
        var directory = new SpillDirectory();
        var list = new SpillList<int>(directory, "items");
        list.Add(1);

        // Then only its owner may enter it, and disposing removes it
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory.Location));
        }

        list.Dispose();
        directory.Dispose();
        Assert.False(Directory.Exists(directory.Location));
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(10, 16)]
    [InlineData(1_000, 1_000)]
    [InlineData(10_000, 1_000)]
    [InlineData(10_001, 333)]
    public void Sorted_runs_merged_from_disk_give_the_order_of_one_sort_in_memory_ties_by_position(int count, int runLength)
    {
        // Given keys with many ties (a few hundred distinct values) and every third position left out
        var random = new Random(count);
        var keys = Enumerable.Range(0, count).Select(_ => (UInt128)random.Next(300) << 64).ToArray();
        bool Keep(int position) => position % 3 != 1;

        // When they are sorted in runs of runLength (many runs, written to disk, for the larger counts)
        var sorted = ExternalSort.Positions(count, Keep, position => keys[position], runLength).ToList();

        // Then the order is that of a stable sort by key of the kept positions
        var expected = Enumerable.Range(0, count).Where(Keep).OrderBy(position => keys[position]).ToList();
        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void Values_sorted_in_runs_on_disk_come_back_whole_and_in_order()
    {
        // Given values spread over all 128 bits, repeats among them
        var random = new Random(11);
        var values = Enumerable.Range(0, 5_000).Select(_ => new UInt128((ulong)random.Next(50), (ulong)random.NextInt64())).ToList();

        // When they are sorted in runs of 700
        var sorted = ExternalSort.Values(values, 700).ToList();

        // Then they are all there, low bits too, in ascending order
        Assert.Equal(values.Order(), sorted);
    }

    [Fact]
    public void Only_the_top_96_bits_of_a_key_order_it()
    {
        // Given two positions whose keys differ only in their low 32 bits (which carry the position)
        UInt128[] keys = [((UInt128)5 << 64) | 9, ((UInt128)5 << 64) | 1];

        // Then they keep their positions' order
        Assert.Equal([0, 1], ExternalSort.Positions(2, _ => true, position => keys[position]));
    }
}
