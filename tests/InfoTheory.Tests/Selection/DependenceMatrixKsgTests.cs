using InfoTheory.Continuous;
using InfoTheory.Continuous.Internal;
using InfoTheory.Selection;
using InfoTheory.Selection.Internal;

namespace InfoTheory.Tests.Selection;

/// <summary>
/// The dedicated one-dimensional KSG path of <see cref="DependenceMatrix"/> against the generic
/// <see cref="KsgMutualInformation"/> (k-d tree search and sorted range counts) on the same prepared columns, and
/// against the closed form for Gaussian pairs.
/// </summary>
public sealed class DependenceMatrixKsgTests
{
    /// <summary>The generic estimator on columns that are already prepared: no scaling, no jitter.</summary>
    private static KsgMutualInformation Generic(int k) => new() { K = k, Scaling = SampleScaling.None, Ties = TieHandling.None, MaxDegreeOfParallelism = 1 };

    /// <summary>n rows of p columns: independent normals, some columns mixed with the previous one so that there is dependence to find.</summary>
    private static SampleMatrix Mixed(int n, int p, int seed)
    {
        double[][] columns = new double[p][];
        var random = new Random(seed);
        for (int c = 0; c < p; c++)
        {
            double[] e = SelectionTestData.Normals(n, random);
            columns[c] = c % 3 == 1
                ? [.. e.Select((v, i) => (0.8 * columns[c - 1][i]) + (0.6 * v))] // ρ = 0.8 with the previous column
                : c % 3 == 2 ? [.. e.Select((v, i) => Math.Sin(3 * columns[c - 2][i]) + (0.3 * v))] : e; // non-monotone
        }

        double[] data = new double[n * p];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < p; c++)
            {
                data[(i * p) + c] = columns[c][i];
            }
        }

        return SampleMatrix.FromRowMajor(data, p);
    }

    /// <summary>Asserts that every off-diagonal entry of the matrix equals the generic estimator on the prepared columns.</summary>
    private static void AssertEqualsGeneric(SampleMatrix samples, int k, int seed)
    {
        var matrix = new DependenceMatrix { Estimator = DependenceEstimator.Ksg, K = k, Seed = seed };
        PreparedColumns prepared = matrix.Prepare(samples);
        double[,] all = DependenceMatrix.ComputeBlock(prepared, .., ..);
        KsgMutualInformation generic = Generic(k);
        int p = samples.Columns;
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < p; j++)
            {
                if (i == j || prepared.Constant[i] || prepared.Constant[j])
                {
                    continue;
                }

                // Both take the same k-th distances (values of the one canonical max-norm distance), the same integer
                // counts and the same digamma sums in the same order, so they agree to the last bit; 1e-12 is the
                // contract, equality what we expect.
                double expected = generic.Estimate(prepared.Standardized[Math.Min(i, j)], prepared.Standardized[Math.Max(i, j)]).Nats;
                Assert.Equal(expected, all[i, j], 1e-12);
                Assert.Equal(expected, all[i, j]);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void FastPath_RandomData_EqualsGenericKsg(int k)
    {
        AssertEqualsGeneric(Mixed(1500, 6, seed: 100 + k), k, seed: k);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 5)]
    [InlineData(3, 4)]
    [InlineData(3, 9)]
    [InlineData(5, 6)]
    [InlineData(5, 30)]
    public void FastPath_SmallN_EqualsGenericKsg(int k, int n)
    {
        // n = k + 1 is the least the estimator accepts: every point's k-th neighbour is the farthest other point.
        AssertEqualsGeneric(Mixed(n, 5, seed: n), k, seed: 3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void FastPath_TiedValuesAfterJitter_EqualsGenericKsg(int k)
    {
        // Columns of a few levels (rounded normals, a 0/1 column, a column with one value in 90 % of rows): after the
        // 1e-10 jitter most neighbour distances are of order 1e-10 within a level and ≥ 1 across levels, so many
        // points have nearly equal k-th distances and the strict counts hinge on the exact values.
        int n = 2000;
        double[] a = SelectionTestData.Normals(n, 1), b = SelectionTestData.Normals(n, 2), c = SelectionTestData.Normals(n, 3);
        double[] data = new double[n * 5];
        for (int i = 0; i < n; i++)
        {
            data[(i * 5) + 0] = Math.Round(a[i]);
            data[(i * 5) + 1] = Math.Round(a[i] + b[i]);
            data[(i * 5) + 2] = b[i] > 0 ? 1 : 0;
            data[(i * 5) + 3] = i % 10 == 0 ? c[i] : 0.5;
            data[(i * 5) + 4] = Math.Round(2 * c[i]) / 2;
        }

        AssertEqualsGeneric(SampleMatrix.FromRowMajor(data, 5), k, seed: 11);
    }

    [Fact]
    public void FastPath_LargeN_EqualsGenericKsg()
    {
        // n = 20 000, k = 3: 256-point slabs, 79 of them, so nearly every query takes the windowed search of its own and
        // both neighbouring slabs and many go on past the window; linear, non-monotone and independent pairs.
        AssertEqualsGeneric(Mixed(20_000, 3, seed: 41), 3, seed: 2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void PairKernel_VectorAndScalarSearches_EqualGenericKsg(int k)
    {
        // The machine picks one k-th distance search (vector for k ≤ 4 where 256-bit vectors are in hardware, scalar
        // otherwise); here both run on every pair, each against the generic estimator. Columns: normal, ρ = 0.9 with
        // it, Cauchy, normal rounded to 0.1 (ties, split by the jitter) and a log-normal with a long right tail.
        int n = 4000;
        double[] a = SelectionTestData.Normals(n, 31), b = SelectionTestData.Normals(n, 32), c = SelectionTestData.Normals(n, 33);
        double[] data = new double[n * 5];
        for (int i = 0; i < n; i++)
        {
            data[(i * 5) + 0] = a[i];
            data[(i * 5) + 1] = (0.9 * a[i]) + (Math.Sqrt(1 - (0.9 * 0.9)) * b[i]);
            data[(i * 5) + 2] = b[i] / c[i];
            data[(i * 5) + 3] = Math.Round(c[i], 1);
            data[(i * 5) + 4] = Math.Exp(2 * c[i]);
        }

        var matrix = new DependenceMatrix { Estimator = DependenceEstimator.Ksg, K = k, Seed = 9 };
        PreparedColumns prepared = matrix.Prepare(SampleMatrix.FromRowMajor(data, 5));
        KsgMutualInformation generic = Generic(k);
        for (int i = 0; i < 5; i++)
        {
            for (int j = i + 1; j < 5; j++)
            {
                // Same k-th distances, counts and digamma sums in the same order as the generic estimator: same bits.
                double expected = generic.Estimate(prepared.Standardized[i], prepared.Standardized[j]).Nats;
                Assert.Equal(expected, KsgPairs.EstimateWith(prepared.Sorted[i], prepared.Sorted[j], k, new DigammaTable(n), vector: true));
                Assert.Equal(expected, KsgPairs.EstimateWith(prepared.Sorted[i], prepared.Sorted[j], k, new DigammaTable(n), vector: false));
                Assert.Equal(expected, KsgPairs.EstimateWith(prepared.Sorted[j], prepared.Sorted[i], k, new DigammaTable(n), vector: true));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void FastPath_HeavyTailsAndOutliers_EqualsGenericKsg(int k)
    {
        // Cauchy columns (ratio of normals) and a column with one value 10¹² times the others' spread: the per-column
        // buckets that start the count searches are then nearly all empty or all full, so the searches run from poor
        // starting points; a slab spans a wide X range next to dense ones.
        int n = 1500;
        double[] a = SelectionTestData.Normals(n, 21), b = SelectionTestData.Normals(n, 22), c = SelectionTestData.Normals(n, 23);
        double[] data = new double[n * 4];
        for (int i = 0; i < n; i++)
        {
            data[(i * 4) + 0] = a[i] / b[i];
            data[(i * 4) + 1] = (a[i] / b[i]) + (c[i] / a[i]);
            data[(i * 4) + 2] = i == 7 ? 1e12 : c[i];
            data[(i * 4) + 3] = Math.Exp(3 * a[i]);
        }

        AssertEqualsGeneric(SampleMatrix.FromRowMajor(data, 4), k, seed: 5);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Estimate_ExactTiesWithoutJitter_EqualsGenericKsg(int k)
    {
        // The pair path called directly on unjittered integer columns: duplicate points put the k-th distance at 0 for
        // some rows (then nothing is strictly closer) and ties at every distance; the generic search handles them by its
        // (distance, index) contract, which leaves the k-th distance a plain order statistic, as here.
        int n = 400;
        double[] a = SelectionTestData.Normals(n, 5), b = SelectionTestData.Normals(n, 6);
        double[] x = [.. a.Select(v => Math.Round(1.5 * v))];
        double[] y = [.. a.Zip(b, (u, v) => Math.Round(u + v))];
        double expected = Generic(k).Estimate(x, y).Nats;
        double actual = KsgPairs.Estimate(SortedColumn.Create(x), SortedColumn.Create(y), k, new DigammaTable(n));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Compute_ManyTiles_SymmetricAndIndependentOfThreadsAndBlocks()
    {
        // 70 columns span three 32-column tiles, so mirrored pairs fall both inside one tile and across tiles.
        SampleMatrix samples = Mixed(120, 70, seed: 7);
        var matrix = new DependenceMatrix { Estimator = DependenceEstimator.Ksg, K = 2, MaxDegreeOfParallelism = 1 };
        double[] one = matrix.Compute(samples).Values.ToArray();
        double[] two = new DependenceMatrix { Estimator = DependenceEstimator.Ksg, K = 2, MaxDegreeOfParallelism = 2 }.Compute(samples).Values.ToArray();
        Assert.Equal(one, two);
        PreparedColumns prepared = matrix.Prepare(samples);
        double[,] block = DependenceMatrix.ComputeBlock(prepared, 5..50, 20..70, maxDegreeOfParallelism: 2);
        for (int i = 0; i < 70; i++)
        {
            for (int j = 0; j < 70; j++)
            {
                Assert.Equal(one[(i * 70) + j], one[(j * 70) + i]);
                if (i is >= 5 and < 50 && j >= 20)
                {
                    Assert.Equal(one[(i * 70) + j], block[i - 5, j - 20]);
                }
            }
        }
    }

    [Fact]
    public void Compute_CorrelatedGaussianPairs_MatchClosedForm()
    {
        // Columns 2a and 2a + 1 are a bivariate normal pair with correlation ρ_a, independent of the other pairs, so
        // I = −½ ln(1 − ρ²) within a pair and 0 across pairs. KsgMutualInformation's documented accuracy for a Gaussian
        // pair at ρ = 0.6 and k = 3: bias within ±0.005 nats and standard deviation ≈ 1.05/√n, 0.0074 at n = 20000;
        // under independence both are smaller. Tolerance: 0.005 + 4 × 0.0074 = 0.035 for each entry. The mean of the
        // four ρ = 0.6 pairs (independent data) has standard deviation 0.0037: within 0.005 + 4 × 0.0037 = 0.020.
        // All draws come from one seeded stream: System.Random's streams for adjacent seeds are not independent
        // (columns drawn with seeds s and s + 1 showed an MI of 0.05 nats here).
        int n = 20000;
        double[] rho = [0.6, 0.6, 0.6, 0.6, 0.3, 0.0];
        int p = 2 * rho.Length;
        double[] all = SelectionTestData.Normals(n * p, 50);
        double[] data = new double[n * p];
        for (int a = 0; a < rho.Length; a++)
        {
            for (int i = 0; i < n; i++)
            {
                double u = all[(i * p) + (2 * a)], v = all[(i * p) + (2 * a) + 1];
                data[(i * p) + (2 * a)] = u;
                data[(i * p) + (2 * a) + 1] = (rho[a] * u) + (Math.Sqrt(1 - (rho[a] * rho[a])) * v);
            }
        }

        DependenceMatrixResult m = new DependenceMatrix { Estimator = DependenceEstimator.Ksg }.Compute(SampleMatrix.FromRowMajor(data, p));
        double sum = 0;
        for (int i = 0; i < p; i++)
        {
            for (int j = i + 1; j < p; j++)
            {
                bool paired = i % 2 == 0 && j == i + 1;
                double r = paired ? rho[i / 2] : 0;
                double expected = -0.5 * Math.Log(1 - (r * r));
                Assert.Equal(expected, m[i, j], 0.035);
                if (paired && rho[i / 2] == 0.6)
                {
                    sum += m[i, j] - expected;
                }
            }
        }

        Assert.Equal(0, sum / 4, 0.020);
    }
}
