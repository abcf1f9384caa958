using Kagi.Core.Collections;

namespace Kagi.Core.Tests;

public sealed class ChunkedListTests
{
    [Fact]
    public void Items_added_across_many_chunks_read_back_in_order_and_nothing_past_the_end_reads()
    {
        // Given a list grown past a few chunk boundaries
        var list = new ChunkedList<long>();
        for (var item = 0L; item < 10_000; item++)
        {
            list.Add(item * 3);
        }

        // Then every item reads back where it was added, and no index outside the items does
        Assert.Equal(10_000, list.Count);
        Assert.All(Enumerable.Range(0, 10_000), index => Assert.Equal(index * 3L, list[index]));
        Assert.Throws<ArgumentOutOfRangeException>(() => list[10_000]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }
}
