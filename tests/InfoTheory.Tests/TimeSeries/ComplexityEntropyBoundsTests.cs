using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>
/// The bounding curves of the complexity-entropy plane (Martin, Plastino &amp; Rosso 2006) against a direct evaluation of
/// their defining distributions, their endpoints (a single pattern and the uniform distribution both have zero
/// complexity), and the bound property itself on random distributions over the d! patterns.
/// </summary>
public sealed class ComplexityEntropyBoundsTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void BothCurves_RunFromSinglePatternToUniform(int d)
    {
        foreach (OrdinalComplexity[] curve in new[] { ComplexityEntropyBounds.Minimum(d), ComplexityEntropyBounds.Maximum(d) })
        {
            // H = 0 → C = 0 (one pattern) and H = 1 → C = 0 (uniform); rounding only.
            Assert.Equal(0, curve[0].NormalizedEntropy, 1e-12);
            Assert.Equal(0, curve[0].Complexity, 1e-12);
            Assert.Equal(1, curve[^1].NormalizedEntropy, 1e-12);
            Assert.Equal(0, curve[^1].Complexity, 1e-12);

            // Ordered by entropy, every point inside the unit square.
            for (int i = 1; i < curve.Length; i++)
            {
                Assert.True(curve[i].NormalizedEntropy >= curve[i - 1].NormalizedEntropy - 1e-12);
                Assert.InRange(curve[i].Complexity, 0, 1);
            }
        }
    }

    [Fact]
    public void D3_MatchesDirectEvaluationOfTheDefiningDistributions()
    {
        // N = 3! = 6. The minimum: (p, (1−p)/5, …) for p = 1/6 + (5/6)·i/(K−1), listed from p = 1 down.
        const int N = 6, K = 11;
        OrdinalComplexity[] min = ComplexityEntropyBounds.Minimum(3, K);
        Assert.Equal(K, min.Length);
        for (int i = 0; i < K; i++)
        {
            double p = (1.0 / N) + (5.0 / 6 * (K - 1 - i) / (K - 1));
            double[] pmf = [p, .. Enumerable.Repeat((1 - p) / (N - 1), N - 1)];
            AssertSame(Direct(pmf), min[i]);
        }

        // The maximum: for m = 2 … 6 patterns in use, (p, (1−p)/(m−1) × (m−1), 0 × (6−m)), p = (1/m)·j/(K−1).
        OrdinalComplexity[] max = ComplexityEntropyBounds.Maximum(3, K);
        Assert.Equal((N - 1) * K, max.Length);
        int k = 0;
        for (int m = 2; m <= N; m++)
        {
            for (int j = 0; j < K; j++)
            {
                double p = 1.0 / m * j / (K - 1);
                double[] pmf = [p, .. Enumerable.Repeat((1 - p) / (m - 1), m - 1), .. new double[N - m]];
                AssertSame(Direct(pmf), max[k++]);
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomDistributions_LieBetweenTheCurves(int d)
    {
        int n = d == 3 ? 6 : 24;
        OrdinalComplexity[] min = ComplexityEntropyBounds.Minimum(d, 2000);
        OrdinalComplexity[] max = ComplexityEntropyBounds.Maximum(d, 400);
        var random = new Random(d);
        for (int trial = 0; trial < 2000; trial++)
        {
            // Random pmfs of every sparsity: exponential weights raised to a random power, some patterns unused.
            double power = 1 + (8 * random.NextDouble());
            double[] w = new double[n];
            for (int i = 0; i < n; i++)
            {
                w[i] = random.NextDouble() < 0.3 ? 0 : Math.Pow(-Math.Log(1 - random.NextDouble()), power);
            }

            double total = w.Sum();
            if (total == 0)
            {
                continue;
            }

            OrdinalComplexity point = Direct(w.Select(v => v / total).ToArray());

            // Linear interpolation between curve samples: the sampling is dense enough (steps of ≤ 1/2000 in p) that
            // the chord differs from the curve by far less than 1e-3 in C, except near the H → 0 corner where the
            // curves are steep in H; points with H < 0.01 are left out for that reason.
            if (point.NormalizedEntropy < 0.01)
            {
                continue;
            }

            Assert.InRange(point.Complexity, Interpolate(min, point.NormalizedEntropy) - 1e-3, Interpolate(max, point.NormalizedEntropy) + 1e-3);
        }
    }

    [Fact]
    public void Minimum_IsBelowMaximum()
    {
        OrdinalComplexity[] min = ComplexityEntropyBounds.Minimum(4, 500);
        OrdinalComplexity[] max = ComplexityEntropyBounds.Maximum(4, 200);
        foreach (OrdinalComplexity point in min.Where(p => p.NormalizedEntropy is > 0.01 and < 0.999))
        {
            // Interpolation slack as above.
            Assert.True(point.Complexity <= Interpolate(max, point.NormalizedEntropy) + 1e-3, $"H = {point.NormalizedEntropy}");
        }

        // And strictly below somewhere in the middle: the curves are not the same (d = 4, H = 0.5).
        Assert.True(Interpolate(max, 0.5) - Interpolate(min, 0.5) > 0.05);
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => ComplexityEntropyBounds.Minimum(1)).ParamName);
        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => ComplexityEntropyBounds.Minimum(21)).ParamName);
        Assert.Equal("d", Assert.Throws<ArgumentOutOfRangeException>(() => ComplexityEntropyBounds.Maximum(9)).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentOutOfRangeException>(() => ComplexityEntropyBounds.Minimum(3, 1)).ParamName);
        Assert.Equal("pointsPerSegment", Assert.Throws<ArgumentOutOfRangeException>(() => ComplexityEntropyBounds.Maximum(3, 1)).ParamName);
    }

    /// <summary>
    /// H_S, Q_J and C_JS of a full pmf over N patterns straight from the definitions (Rosso et al. 2007):
    /// JS(P, U) = S((P+U)/2) − S(P)/2 − S(U)/2 and Q₀ = −2 / [((N+1)/N) ln(N+1) − 2 ln(2N) + ln N].
    /// </summary>
    private static OrdinalComplexity Direct(double[] p)
    {
        int n = p.Length;
        static double S(IEnumerable<double> q) => -q.Where(v => v > 0).Sum(v => v * Math.Log(v));
        double js = S(p.Select(v => (v + (1.0 / n)) / 2)) - (S(p) / 2) - (Math.Log(n) / 2);
        double q0 = -2 / ((((n + 1.0) / n) * Math.Log(n + 1)) - (2 * Math.Log(2.0 * n)) + Math.Log(n));
        double h = S(p) / Math.Log(n);
        return new OrdinalComplexity(h, q0 * js, q0 * js * h);
    }

    private static void AssertSame(OrdinalComplexity expected, OrdinalComplexity actual)
    {
        // Two routes through sums of a few logarithms of numbers ≤ 1: rounding only.
        Assert.Equal(expected.NormalizedEntropy, actual.NormalizedEntropy, 1e-12);
        Assert.Equal(expected.Disequilibrium, actual.Disequilibrium, 1e-12);
        Assert.Equal(expected.Complexity, actual.Complexity, 1e-12);
    }

    private static double Interpolate(OrdinalComplexity[] curve, double h)
    {
        for (int i = 1; i < curve.Length; i++)
        {
            if (curve[i].NormalizedEntropy >= h)
            {
                double h0 = curve[i - 1].NormalizedEntropy, h1 = curve[i].NormalizedEntropy;
                double t = h1 > h0 ? (h - h0) / (h1 - h0) : 0;
                return curve[i - 1].Complexity + (t * (curve[i].Complexity - curve[i - 1].Complexity));
            }
        }

        return curve[^1].Complexity;
    }
}
