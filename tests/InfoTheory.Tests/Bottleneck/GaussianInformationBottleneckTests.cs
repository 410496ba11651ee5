using InfoTheory.Bottleneck;

namespace InfoTheory.Tests.Bottleneck;

/// <summary>Closed forms of Chechik, Globerson, Tishby &amp; Weiss (2005).</summary>
public sealed class GaussianInformationBottleneckTests
{
    [Fact]
    public void Scalar_CriticalBetaAndLimit()
    {
        // One X, one Y with correlation ρ = 0.6: λ = 1 − ρ² = 0.64, β_c = 1/ρ² = 2.78, I(X;Y) = −½ ln 0.64 = 0.2231 nats.
        var ib = GaussianInformationBottleneck.FromCovariance(new double[,] { { 1, 0.6 }, { 0.6, 1 } }, 1);
        Assert.Equal(0.64, ib.Eigenvalues[0], 1e-12);
        Assert.Equal(1 / 0.36, ib.CriticalBetas()[0], 1e-10);
        Assert.Equal(-0.5 * Math.Log(0.64), ib.MutualInformation.Nats, 1e-12);
        Assert.Equal(0.0, ib.Point(2.5).InputInformation.Nats);
        (Information ix, Information iy) = ib.Point(1e9);
        Assert.Equal(-0.5 * Math.Log(0.64), iy.Nats, 1e-8);
        Assert.True(ix.Nats > 5);
        Assert.Equal(0.0, ib.Weight(0, 2.0));
        Assert.True(ib.Weight(0, 10) > 0);
    }

    [Fact]
    public void Multivariate_EigenvaluesAreOneMinusSquaredCanonicalCorrelations()
    {
        // X = (X1, X2), Y = (Y1, Y2) with corr(X1, Y1) = 0.8, corr(X2, Y2) = 0.3 and no cross terms:
        // canonical correlations 0.8 and 0.3, so λ = (0.36, 0.91), critical β = 1/0.64 and 1/0.09.
        double[,] c =
        {
            { 1, 0, 0.8, 0 },
            { 0, 1, 0, 0.3 },
            { 0.8, 0, 1, 0 },
            { 0, 0.3, 0, 1 },
        };
        var ib = GaussianInformationBottleneck.FromCovariance(c, 2);
        Assert.Equal(0.36, ib.Eigenvalues[0], 1e-12);
        Assert.Equal(0.91, ib.Eigenvalues[1], 1e-12);
        Assert.Equal(-0.5 * (Math.Log(0.36) + Math.Log(0.91)), ib.MutualInformation.Nats, 1e-12);
        // The most informative direction is X1.
        double[] v = ib.Direction(0);
        Assert.True(Math.Abs(v[1]) < 1e-12 * Math.Abs(v[0]));
    }

    [Fact]
    public void Curve_IsMonotoneAndConcave_AndBelowTheDataProcessingBounds()
    {
        double[,] c =
        {
            { 2, 0.3, 1.1, 0.2 },
            { 0.3, 1, 0.1, 0.5 },
            { 1.1, 0.1, 1.5, 0 },
            { 0.2, 0.5, 0, 1 },
        };
        var ib = GaussianInformationBottleneck.FromCovariance(c, 2);
        var points = new List<(double X, double Y)>();
        for (double beta = 1.0; beta < 2000; beta *= 1.1)
        {
            (Information ix, Information iy) = ib.Point(beta);
            points.Add((ix.Nats, iy.Nats));
            Assert.True(iy <= ix + Information.FromNats(1e-12));
            Assert.True(iy <= ib.MutualInformation);
        }

        for (int i = 1; i < points.Count; i++)
        {
            Assert.True(points[i].X >= points[i - 1].X - 1e-12 && points[i].Y >= points[i - 1].Y - 1e-12);
        }

        // Concavity: slopes between successive distinct points do not increase (within rounding).
        var distinct = points.Where((p, i) => i == 0 || p.X > points[i - 1].X + 1e-9).ToList();
        for (int i = 2; i < distinct.Count; i++)
        {
            double s1 = (distinct[i - 1].Y - distinct[i - 2].Y) / (distinct[i - 1].X - distinct[i - 2].X);
            double s2 = (distinct[i].Y - distinct[i - 1].Y) / (distinct[i].X - distinct[i - 1].X);
            Assert.True(s2 <= s1 + 1e-6, $"slope rose from {s1} to {s2}");
        }
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("xDimensions", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianInformationBottleneck.FromCovariance(new double[,] { { 1, 0 }, { 0, 1 } }, 2)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => GaussianInformationBottleneck.FromCovariance(new double[,] { { 1, 0.5 }, { 0.4, 1 } }, 1)).ParamName);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => GaussianInformationBottleneck.FromCovariance(new double[,] { { 1, 1 }, { 1, 1 } }, 1)).ParamName);
        var ib = GaussianInformationBottleneck.FromCovariance(new double[,] { { 1, 0.5 }, { 0.5, 1 } }, 1);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => ib.Point(-1)).ParamName);
    }
}
