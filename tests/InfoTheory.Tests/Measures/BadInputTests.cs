using InfoTheory.Measures;

namespace InfoTheory.Tests.Measures;

/// <summary>Invalid input gets a clear exception naming the parameter, before any work; inputs are never modified.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Shannon_NaN_ThrowsNamingIndex()
    {
        var ex = Assert.Throws<ArgumentException>(() => Entropy.Shannon([0.5, double.NaN, 0.5]));
        Assert.Equal("p", ex.ParamName);
        Assert.Contains("index 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shannon_Infinity_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Entropy.Shannon([double.PositiveInfinity, 0.5], normalize: true));
        Assert.Equal("p", ex.ParamName);
    }

    [Fact]
    public void Shannon_NegativeProbability_ThrowsNamingValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => Entropy.Shannon([1.2, -0.2]));
        Assert.Equal("p", ex.ParamName);
        Assert.Contains("-0.2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shannon_NotNormalised_ThrowsUnlessAsked()
    {
        var ex = Assert.Throws<ArgumentException>(() => Entropy.Shannon([0.5, 0.6]));
        Assert.Equal("p", ex.ParamName);
        Assert.Contains("normalize", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Entropy.Shannon([5.0 / 11, 6.0 / 11]).Nats, Entropy.Shannon([0.5, 0.6], normalize: true).Nats, 1e-15);
    }

    [Fact]
    public void Shannon_WithinTolerance_IsAccepted()
    {
        // 1e-9·n tolerance: a sum off by 1e-12 is rounding, not an error.
        Assert.Equal(1.0, Entropy.Shannon([0.5 + 1e-12, 0.5]).Bits, 1e-9);
    }

    [Fact]
    public void Shannon_EmptyOrZeroMass_Throws()
    {
        Assert.Throws<ArgumentException>(() => Entropy.Shannon([]));
        var ex = Assert.Throws<ArgumentException>(() => Entropy.Shannon([0.0, 0.0], normalize: true));
        Assert.Contains("total mass 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Divergences_MismatchedLengths_ThrowNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => Divergence.KullbackLeibler([0.5, 0.5], [0.2, 0.3, 0.5]));
        Assert.Equal("q", ex.ParamName);
        Assert.Contains("p has 2 elements but q has 3", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Divergence.JensenShannon([0.5, 0.5], [1.0]));
        Assert.Throws<ArgumentException>(() => Divergence.CauchySchwarz([0.5, 0.5], [1.0]));
        Assert.Throws<ArgumentException>(() => Divergence.Renyi([0.5, 0.5], [1.0], 2));
        Assert.Throws<ArgumentException>(() => Divergence.Hellinger([0.5, 0.5], [1.0]));
        Assert.Throws<ArgumentException>(() => Divergence.TotalVariation([0.5, 0.5], [1.0]));
        Assert.Throws<ArgumentException>(() => Divergence.ChiSquared([0.5, 0.5], [1.0]));
        Assert.Throws<ArgumentException>(() => Divergence.CrossEntropy([0.5, 0.5], [1.0]));
    }

    [Fact]
    public void Divergences_InvalidSecondDistribution_NamesQ()
    {
        var ex = Assert.Throws<ArgumentException>(() => Divergence.KullbackLeibler([0.5, 0.5], [0.5, double.NaN]));
        Assert.Equal("q", ex.ParamName);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Renyi_InvalidOrder_Throws(double alpha)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Entropy.Renyi([0.5, 0.5], alpha));
        Assert.Equal("alpha", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Divergence.Renyi([0.5, 0.5], [0.5, 0.5], alpha));
    }

    [Fact]
    public void Tsallis_InvalidOrder_Throws()
    {
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => Entropy.Tsallis([1.0], -0.5)).ParamName);
        Assert.Equal("order", Assert.Throws<ArgumentOutOfRangeException>(() => Entropy.Tsallis([1.0], double.PositiveInfinity)).ParamName);
    }

    [Fact]
    public void WeightedJensenShannon_BadShapes_Throw()
    {
        Assert.Equal("categories", Assert.Throws<ArgumentOutOfRangeException>(() => Divergence.JensenShannon([1.0], 0, [1.0])).ParamName);
        Assert.Equal("distributions", Assert.Throws<ArgumentException>(() => Divergence.JensenShannon([0.5, 0.5, 1.0], 2, [1.0])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => Divergence.JensenShannon([0.5, 0.5, 1.0, 0.0], 2, [1.0])).ParamName);
        Assert.Equal("distributions", Assert.Throws<ArgumentException>(() => Divergence.JensenShannon([0.5, 0.6, 1.0, 0.0], 2, [0.5, 0.5])).ParamName);
    }

    [Fact]
    public void JointDistribution_BadShapeOrValues_Throw()
    {
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => new JointDistribution([1.0], [1])).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => new JointDistribution([1.0], [1, 0])).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => new JointDistribution([0.5, 0.5, 0.0], [2, 2]));
        Assert.Equal("probabilities", ex.ParamName);
        Assert.Contains("needs 4", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new JointDistribution([0.5, 0.5, 0.5, 0.5], [2, 2]));
        Assert.Throws<ArgumentException>(() => JointDistribution.FromTable(new double[,] { { 0.5, double.NaN }, { 0.25, 0.25 } }));
        Assert.Throws<ArgumentNullException>(() => JointDistribution.FromTable((double[,])null!));
    }

    [Fact]
    public void MutualInformation_WrongRank_Throws()
    {
        var two = JointDistribution.FromTable(new double[,] { { 0.5, 0 }, { 0, 0.5 } });
        var three = new JointDistribution([0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0], [2, 2, 2]);
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => MutualInformation.Of(three)).ParamName);
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => MutualInformation.Conditional(two)).ParamName);
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => Entropy.Conditional(three)).ParamName);
        Assert.Throws<ArgumentNullException>(() => MutualInformation.Of(null!));
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => MutualInformation.Pointwise(two, new double[3])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => two.Marginal(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => two[2, 0]);
        Assert.Throws<InvalidOperationException>(() => two[0, 0, 0]);
    }

    [Fact]
    public void Inputs_AreNeverModified()
    {
        double[] p = [2, 1, 1, 0];
        double[] q = [1, 1, 1, 1];
        double[] pCopy = (double[])p.Clone(), qCopy = (double[])q.Clone();
        _ = Entropy.Shannon(p, normalize: true);
        _ = Entropy.Renyi(p, 2, normalize: true);
        _ = Entropy.Tsallis(p, 2, normalize: true);
        _ = Divergence.KullbackLeibler(p, q, normalize: true);
        _ = Divergence.JensenShannon(p, q, normalize: true);
        _ = Divergence.Renyi(p, q, 0.5, normalize: true);
        _ = Divergence.Hellinger(p, q, normalize: true);
        _ = Divergence.JensenShannon([.. p, .. q], 4, [1, 1], normalize: true);
        var joint = new JointDistribution(p, [2, 2], normalize: true);
        p[0] = 100;
        Assert.Equal(0.5, joint[0, 0]);
        p[0] = 2;
        Assert.Equal(pCopy, p);
        Assert.Equal(qCopy, q);
    }
}
