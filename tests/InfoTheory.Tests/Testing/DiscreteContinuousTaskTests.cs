using InfoTheory.Discrete;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Testing;

public sealed class DiscreteContinuousTaskTests
{
    /// <summary>c(y): how many windows [i·s, i·s + 1), i &lt; m, contain y, counted one by one.</summary>
    private static int Count(double y, int m, double s)
    {
        int c = 0;
        for (int i = 0; i < m; i++)
        {
            if (y >= i * s && y < (i * s) + 1)
            {
                c++;
            }
        }

        return c;
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(3, 1.0)]
    [InlineData(5, 2.5)]
    [InlineData(8, 1.0000001)]
    public void TrueMutualInformation_NoOverlap_IsLogM(int m, double s)
    {
        // Disjoint windows: Y determines X, so I = H(X) = ln m.
        Assert.Equal(Math.Log(m), new DiscreteContinuousTask(m, s).TrueMutualInformation.Nats, 13);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void TrueMutualInformation_HalfSpacing_MatchesGaoEtAl(int m)
    {
        // Y | X ~ U[X/2, X/2 + 1] is Y | X ~ U[X, X + 2] scaled by ½; Gao, Kannan, Oh & Viswanath (NeurIPS 2017) give
        // I = ln m − ((m − 1)/m) ln 2 for the latter, and scaling Y does not change I.
        Assert.Equal(Math.Log(m) - ((m - 1.0) / m * Math.Log(2)), new DiscreteContinuousTask(m, 0.5).TrueMutualInformation.Nats, 13);
    }

    [Fact]
    public void TrueMutualInformation_ZeroSpacingOrOneLabel_IsZero()
    {
        Assert.Equal(0, new DiscreteContinuousTask(5, 0).TrueMutualInformation.Nats, 14);
        Assert.Equal(0, new DiscreteContinuousTask(1, 0.3).TrueMutualInformation.Nats, 14);
    }

    [Theory]
    [InlineData(5, 0.3)]
    [InlineData(3, 0.7)]
    [InlineData(6, 0.25)]
    [InlineData(4, 0.9)]
    public void TrueMutualInformation_PiecewiseIntegration_EqualsHy(int m, double s)
    {
        // h(Y | X) = 0, so I = h(Y) = −∫ (c/m) ln(c/m) dy. c is constant between consecutive window ends; evaluate it by
        // direct counting at the midpoint of each gap, which makes the integral exact up to rounding.
        double[] ends = Enumerable.Range(0, m).SelectMany(i => new[] { i * s, (i * s) + 1 }).Distinct().Order().ToArray();
        double hy = 0;
        for (int k = 0; k + 1 < ends.Length; k++)
        {
            double p = Count(0.5 * (ends[k] + ends[k + 1]), m, s) / (double)m;
            if (p > 0)
            {
                hy -= (ends[k + 1] - ends[k]) * p * Math.Log(p);
            }
        }

        Assert.Equal(hy, new DiscreteContinuousTask(m, s).TrueMutualInformation.Nats, 12);
    }

    [Fact]
    public void Sample_PointwiseMutualInformation_n200000_MatchesTrueMutualInformation()
    {
        // ln p(y | x) − ln p(y) = ln(m / c(y)), with c counted directly; five standard errors of the mean.
        const int m = 5;
        const double s = 0.3;
        const int n = 200_000;
        var task = new DiscreteContinuousTask(m, s);
        var (x, y) = task.Sample(n, 43);
        double[] terms = new double[n], offsets = new double[n];
        for (int i = 0; i < n; i++)
        {
            int label = (int)x[i, 0];
            Assert.Equal(label, x[i, 0]);
            offsets[i] = y[i, 0] - (label * s);
            terms[i] = Math.Log(m / (double)Count(y[i, 0], m, s));
        }

        double mean = terms.Average();
        double standardError = Math.Sqrt(terms.Select(t => (t - mean) * (t - mean)).Sum() / (n - 1) / n);
        Assert.InRange(task.TrueMutualInformation.Nats, mean - (5 * standardError), mean + (5 * standardError));

        // The offset y − i·s is U(0, 1): mean ½ (sd √(1/(12n)) ≈ 6.5e-4) and variance 1/12 (sd (1/12)√(0.8/n) ≈ 1.7e-4,
        // the excess kurtosis of a uniform being −1.2); five sd each.
        Assert.All(offsets, o => Assert.InRange(o, 0, 1));
        double offsetMean = offsets.Average();
        double offsetVariance = offsets.Sum(o => (o - offsetMean) * (o - offsetMean)) / (n - 1);
        Assert.InRange(offsetMean, 0.5 - 0.0033, 0.5 + 0.0033);
        Assert.InRange(offsetVariance, (1 / 12.0) - 0.00085, (1 / 12.0) + 0.00085);
    }

    [Fact]
    public void Sample_NoOverlap_PlugInCountOfWindowIndexGivesLogM()
    {
        // For s ≥ 1 the window index ⌊y/s⌋ equals the label, so the plug-in MI of (X, ⌊Y/s⌋) is the plug-in entropy of X:
        // never above ln m, below it by the Miller–Madow bias (m − 1)/(2n) ≈ 3e-5 on average, and for a uniform law its
        // spread is of order 1/n too (the first-order term of the delta method vanishes); 0.003 is a wide margin.
        const int m = 6;
        const int n = 100_000;
        var (x, y) = new DiscreteContinuousTask(m, 1.5).Sample(n, 47);
        int[] labels = x.Column(0).Select(v => (int)v).ToArray();
        int[] windows = y.Column(0).Select(v => (int)Math.Floor(v / 1.5)).ToArray();
        Assert.Equal(labels, windows);
        Assert.InRange(new DiscreteMutualInformation().Estimate(labels, windows).Nats, Math.Log(m) - 0.003, Math.Log(m) + 1e-12);
    }

    [Fact]
    public void Sample_SameSeed_SameBits_OtherSeed_Differs()
    {
        var task = new DiscreteContinuousTask(4, 0.5);
        var (x1, y1) = task.Sample(40, 1);
        var (x2, y2) = task.Sample(40, 1);
        var (_, y3) = task.Sample(40, 2);
        Assert.Equal(x1.Data.ToArray(), x2.Data.ToArray());
        Assert.Equal(y1.Data.ToArray(), y2.Data.ToArray());
        Assert.NotEqual(y1.Data.ToArray(), y3.Data.ToArray());
        Assert.Equal((1, 1, 4, 0.5), (task.XDimension, task.YDimension, task.Categories, task.Spacing));
        Assert.Contains("m = 4", task.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadArguments_ThrowWithParameterName()
    {
        Assert.Equal("categories", Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteContinuousTask(0, 1)).ParamName);
        foreach (double s in new[] { -0.1, double.NaN, double.PositiveInfinity })
        {
            Assert.Equal("spacing", Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteContinuousTask(3, s)).ParamName);
        }

        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteContinuousTask(3, 1).Sample(-1, 1)).ParamName);
    }
}
