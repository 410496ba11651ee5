using InfoTheory.Orleans.Internal;

namespace InfoTheory.Orleans.Tests;

/// <summary>Home silos of matrix blocks: every block placed, and the groups each silo needs kept small.</summary>
public sealed class BlockPlacementTests
{
    private static List<(int Row, int Column)> Blocks(int groups) =>
        [.. Enumerable.Range(0, groups).SelectMany(a => Enumerable.Range(a, groups - a).Select(b => (a, b)))];

    [Fact]
    public void Homes_OneSilo_EverythingAtHome()
    {
        List<(int Row, int Column)> blocks = Blocks(5);
        int[] homes = BlockPlacement.Homes(5, blocks, 1);
        Assert.All(homes, h => Assert.Equal(0, h));
        Assert.Equal(5, BlockPlacement.GroupsTouched(5, blocks, homes, 1));
    }

    [Fact]
    public void Homes_TwoSilosEightGroups_StaircaseTouches14Groups()
    {
        // Blocks by (b, a): 36 of them, 18 per silo. Silo 0 takes all blocks with b ≤ 4 (15) and (0,5), (1,5), (2,5):
        // groups 0…5, 6 of them. Silo 1 takes the rest, which include (0,6) … (7,7): all 8 groups. 6 + 8 = 14, where
        // blocks placed anywhere would need every group on both silos (16). Pairs of parts (q = 2) would also need 16.
        List<(int Row, int Column)> blocks = Blocks(8);
        int[] homes = BlockPlacement.Homes(8, blocks, 2);
        Assert.Equal(14, BlockPlacement.GroupsTouched(8, blocks, homes, 2));
        Assert.Equal(18, homes.Count(h => h == 0));
        Assert.True(homes.Where((_, i) => blocks[i].Column <= 4).All(h => h == 0));
    }

    [Fact]
    public void Homes_HundredSilos_EachSiloNeedsAFewParts()
    {
        // 10⁴ variables in groups of 64: G = 157, 12 403 blocks. q = 14 parts of 11–12 groups; a silo holds one or two
        // pairs of parts, at most 4 parts (≤ 48 groups); in all well under a fifth of what placing blocks anywhere sends
        // (every group to every silo: 15 700).
        const int G = 157, S = 100;
        List<(int Row, int Column)> blocks = Blocks(G);
        int[] homes = BlockPlacement.Homes(G, blocks, S);
        Assert.All(homes, h => Assert.InRange(h, 0, S - 1));
        Assert.Equal(S, homes.Distinct().Count());
        long touched = BlockPlacement.GroupsTouched(G, blocks, homes, S);
        Assert.True(touched < S * G / 5, $"{touched} group uploads");
        for (int s = 0; s < S; s++)
        {
            int silo = s;
            int groups = blocks.Where((_, i) => homes[i] == silo).SelectMany(b => new[] { b.Row, b.Column }).Distinct().Count();
            Assert.InRange(groups, 1, 48);
        }
    }

    [Fact]
    public void Homes_SameArguments_SameHomes()
    {
        List<(int Row, int Column)> blocks = Blocks(30);
        Assert.Equal(BlockPlacement.Homes(30, blocks, 7), BlockPlacement.Homes(30, blocks, 7));
    }
}
