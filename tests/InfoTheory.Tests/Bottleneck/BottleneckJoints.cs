using InfoTheory.Measures;

namespace InfoTheory.Tests.Bottleneck;

/// <summary>Small joint tables p(x, y) for the bottleneck tests.</summary>
internal static class BottleneckJoints
{
    /// <summary>A seeded random |X| × |Y| joint with every cell positive (cells 0.01 + u³ with u uniform on [0, 1), then normalised: clearly dependent, every cell positive).</summary>
    public static JointDistribution Random(int seed, int nx = 8, int ny = 4)
    {
        var random = new Random(seed);
        double[,] table = new double[nx, ny];
        for (int x = 0; x < nx; x++)
        {
            for (int y = 0; y < ny; y++)
            {
                double u = random.NextDouble();
                table[x, y] = 0.01 + (u * u * u);
            }
        }

        return JointDistribution.FromTable(table, normalize: true);
    }

    /// <summary>
    /// Six x's over three y's in three groups by p(y|x): x0 and x3 share p(y|x) exactly (with different p(x)), x1 and x4 are
    /// close, x2 and x5 are close. Merging x0 with x3 loses no information, so an agglomerative clustering must do it first.
    /// </summary>
    public static JointDistribution Structured() => JointDistribution.FromTable(new double[,]
    {
        { 0.08, 0.01, 0.01 },
        { 0.01, 0.16, 0.03 },
        { 0.02, 0.02, 0.16 },
        { 0.16, 0.02, 0.02 },
        { 0.01, 0.14, 0.05 },
        { 0.01, 0.03, 0.06 },
    }, normalize: true);
}
