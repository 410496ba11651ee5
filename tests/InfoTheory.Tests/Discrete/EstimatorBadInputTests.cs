using InfoTheory.Discrete;

namespace InfoTheory.Tests.Discrete;

public sealed class EstimatorBadInputTests
{
    [Theory]
    [MemberData(nameof(EntropyEstimatorTests.EstimatorNames), MemberType = typeof(EntropyEstimatorTests))]
    public void Estimate_NullHistogram_ThrowsNamingHistogram(string name)
    {
        var estimator = EntropyEstimatorTests.Create(name);
        Assert.Equal("histogram", Assert.Throws<ArgumentNullException>(() => estimator.Estimate((Histogram)null!)).ParamName);
    }

    [Fact]
    public void AuxiliaryMembers_NullHistogram_ThrowNamingHistogram()
    {
        Assert.Equal("histogram", Assert.Throws<ArgumentNullException>(() => new DirichletEntropy().Posterior(null!)).ParamName);
        Assert.Equal("histogram", Assert.Throws<ArgumentNullException>(() => new DirichletEntropy().ConcentrationFor(null!)).ParamName);
        Assert.Equal("histogram", Assert.Throws<ArgumentNullException>(() => new NsbEntropy().Posterior(null!)).ParamName);
        Assert.Equal("histogram", Assert.Throws<ArgumentNullException>(() => new NsbEntropy().MostProbableConcentration(null!)).ParamName);
        Assert.Equal("histogram", Assert.Throws<ArgumentNullException>(() => new JamesSteinEntropy().ShrinkageIntensity(null!)).ParamName);
        Assert.Equal("histogram", Assert.Throws<ArgumentNullException>(() => ChaoShenEntropy.Coverage(null!)).ParamName);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void JamesStein_LambdaOutsideUnitInterval_Throws(double lambda)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new JamesSteinEntropy { Lambda = lambda });
        Assert.Equal("Lambda", e.ParamName);
        Assert.Contains("[0, 1]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-1e-300)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Dirichlet_BadConcentration_Throws(double concentration)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DirichletEntropy(concentration));
        Assert.Equal("concentration", e.ParamName);
    }

    [Fact]
    public void Dirichlet_UndefinedPrior_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DirichletEntropy((DirichletPrior)17));
        Assert.Equal("prior", e.ParamName);
        Assert.Contains("17", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jackknife_NullBaseEstimator_Throws()
    {
        Assert.Equal("baseEstimator", Assert.Throws<ArgumentNullException>(() => new JackknifeEntropy(null!)).ParamName);
    }

    [Fact]
    public void Estimate_SymbolsBeyondAlphabetSize_ThrowsBeforeEstimating()
    {
        // The parameter of Estimate(ReadOnlySpan<int> samples) is named.
        var nsb = new NsbEntropy { AlphabetSize = 4 };
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => nsb.Estimate([0, 1, 4])).ParamName);
    }
}
