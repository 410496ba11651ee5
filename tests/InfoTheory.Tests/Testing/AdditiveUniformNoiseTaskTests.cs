using InfoTheory.Testing;

namespace InfoTheory.Tests.Testing;

public sealed class AdditiveUniformNoiseTaskTests
{
    /// <summary>p(y) = |[y − ε, y + ε] ∩ [0, 1]| / (2ε): the density of X + N, X ~ U(0, 1), N ~ U(−ε, ε).</summary>
    private static double Density(double y, double epsilon) =>
        Math.Max(0, Math.Min(1, y + epsilon) - Math.Max(0, y - epsilon)) / (2 * epsilon);

    [Theory]
    [InlineData(0.02)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void TrueMutualInformation_NumericIntegration_EqualsHyMinusHn(double epsilon)
    {
        // I = h(Y) − h(N) = −∫ p ln p dy − ln(2ε). The density is linear between its kinks at ±ε and 1 ± ε, so integrate
        // each piece separately with the composite midpoint rule on 200 000 cells; p ln p is smooth inside a piece except
        // for the t ln t behaviour where p → 0, which costs O(h² ln h) ≈ 1e-10 here. 1e-8 leaves room for that.
        double[] knots = new[] { -epsilon, epsilon, 1 - epsilon, 1 + epsilon }.Order().ToArray();
        double hy = 0;
        for (int k = 0; k + 1 < knots.Length; k++)
        {
            double a = knots[k], b = knots[k + 1];
            const int cells = 200_000;
            double h = (b - a) / cells;
            for (int c = 0; c < cells; c++)
            {
                double p = Density(a + ((c + 0.5) * h), epsilon);
                if (p > 0)
                {
                    hy -= h * p * Math.Log(p);
                }
            }
        }

        double expected = hy - Math.Log(2 * epsilon);
        Assert.Equal(expected, new AdditiveUniformNoiseTask(epsilon).TrueMutualInformation.Nats, 1e-8);
    }

    [Fact]
    public void TrueMutualInformation_HandValues()
    {
        // ε = 0.1: 0.1 − ln 0.2; ε = ½: the triangular law on [−½, 3/2] has h = ½, so I = ½; ε = 0.75: 1/3; ε = 2: 1/8.
        Assert.Equal(0.1 - Math.Log(0.2), new AdditiveUniformNoiseTask(0.1).TrueMutualInformation.Nats, 14);
        Assert.Equal(0.5, new AdditiveUniformNoiseTask(0.5).TrueMutualInformation.Nats, 14);
        Assert.Equal(1.0 / 3, new AdditiveUniformNoiseTask(0.75).TrueMutualInformation.Nats, 14);
        Assert.Equal(0.125, new AdditiveUniformNoiseTask(2).TrueMutualInformation.Nats, 14);
    }

    [Fact]
    public void TrueMutualInformation_ContinuousAndDecreasingAcrossOneHalf()
    {
        double below = new AdditiveUniformNoiseTask(0.5 - 1e-9).TrueMutualInformation.Nats;
        double above = new AdditiveUniformNoiseTask(0.5 + 1e-9).TrueMutualInformation.Nats;
        Assert.Equal(below, above, 1e-8);
        Assert.True(below > above);
    }

    [Theory]
    [InlineData(0.1, 31)]
    [InlineData(0.75, 37)]
    public void Sample_PointwiseMutualInformation_n200000_MatchesTrueMutualInformation(double epsilon, int seed)
    {
        // I = E[ln p(y | x) − ln p(y)] = E[−ln(2ε) − ln p(y)] with p the convolution density above; five standard errors.
        var task = new AdditiveUniformNoiseTask(epsilon);
        const int n = 200_000;
        var (x, y) = task.Sample(n, seed);
        double[] terms = new double[n];
        for (int i = 0; i < n; i++)
        {
            terms[i] = -Math.Log(2 * epsilon) - Math.Log(Density(y[i, 0], epsilon));
        }

        double mean = terms.Average();
        double standardError = Math.Sqrt(terms.Select(t => (t - mean) * (t - mean)).Sum() / (n - 1) / n);
        Assert.InRange(task.TrueMutualInformation.Nats, mean - (5 * standardError), mean + (5 * standardError));
        Assert.Equal((n, 1), (x.Rows, x.Columns));
    }

    [Fact]
    public void Sample_n100000_MarginAndNoiseHaveTheirLaws()
    {
        // X ∈ [0, 1) with mean ½ and variance 1/12; N = Y − X ∈ [−ε, ε) with mean 0 and variance ε²/3. Five standard errors:
        // sd of a mean is √(variance/n); sd of a sample variance of a uniform is variance·√(0.8/n) (excess kurtosis −1.2).
        const double epsilon = 0.3;
        const int n = 100_000;
        var (x, y) = new AdditiveUniformNoiseTask(epsilon).Sample(n, 41);
        double[] xs = x.Column(0);
        double[] noise = xs.Select((v, i) => y[i, 0] - v).ToArray();
        Assert.All(xs, v => Assert.InRange(v, 0, 1));
        Assert.All(noise, v => Assert.InRange(v, -epsilon - 1e-15, epsilon + 1e-15));
        AssertMoments(xs, 0.5, 1.0 / 12, n);
        AssertMoments(noise, 0, epsilon * epsilon / 3, n);

        static void AssertMoments(double[] values, double mean, double variance, int n)
        {
            double m = values.Average();
            double v = values.Sum(t => (t - m) * (t - m)) / (n - 1);
            Assert.InRange(m, mean - (5 * Math.Sqrt(variance / n)), mean + (5 * Math.Sqrt(variance / n)));
            Assert.InRange(v, variance * (1 - (5 * Math.Sqrt(0.8 / n))), variance * (1 + (5 * Math.Sqrt(0.8 / n))));
        }
    }

    [Fact]
    public void Sample_SameSeed_SameBits_OtherSeed_Differs()
    {
        var task = new AdditiveUniformNoiseTask(0.2);
        var (x1, y1) = task.Sample(25, 3);
        var (x2, y2) = task.Sample(25, 3);
        var (x3, y3) = task.Sample(25, 4);
        Assert.Equal(x1.Data.ToArray(), x2.Data.ToArray());
        Assert.Equal(y1.Data.ToArray(), y2.Data.ToArray());
        Assert.NotEqual(x1.Data.ToArray(), x3.Data.ToArray());
        Assert.NotEqual(y1.Data.ToArray(), y3.Data.ToArray());
        Assert.Equal((1, 1), (task.XDimension, task.YDimension));
        Assert.Equal(0.2, task.NoiseHalfWidth);
        Assert.Contains("ε = 0.2", task.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_BadHalfWidth_ThrowsWithParameterName(double epsilon)
    {
        Assert.Equal("noiseHalfWidth", Assert.Throws<ArgumentOutOfRangeException>(() => new AdditiveUniformNoiseTask(epsilon)).ParamName);
    }

    [Fact]
    public void Sample_NotPositiveCount_Throws()
    {
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => new AdditiveUniformNoiseTask(0.1).Sample(0, 1)).ParamName);
    }
}
