using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>The surrogate significance test of active information storage.</summary>
public sealed class ActiveInformationStorageTestTests
{
    private static readonly ActiveInformationStorage Gaussian = new(new GaussianMutualInformation());

    private static double[] Ar1(int n, double a, int seed)
    {
        var random = new Random(seed);
        double[] x = new double[n + 100];
        for (int t = 1; t < x.Length; t++)
        {
            x[t] = (a * x[t - 1]) + TimeSeriesData.Normal(random);
        }

        return x[100..];
    }

    [Fact]
    public void IidSeries_PValuesAreRoughlyUniform()
    {
        // 200 i.i.d. normal series of 200 steps, k = 2, 49 surrogates each: the shuffle leaves an i.i.d. series
        // exchangeable, so P(p ≤ 0.1) = 0.1 and P(p ≤ 0.5) = 0.5 exactly; the shares must lie within ±3.5 binomial
        // sd (±0.074 and ±0.124).
        var ais = new ActiveInformationStorage(new GaussianMutualInformation()) { History = 2 };
        const int replications = 200;
        int below10 = 0, below50 = 0;
        for (int i = 0; i < replications; i++)
        {
            double p = ais.Test(Ar1(200, 0.0, seed: 2000 + i), 49, seed: i).PValue;
            below10 += p <= 0.1 ? 1 : 0;
            below50 += p <= 0.5 ? 1 : 0;
        }

        Assert.InRange(below10 / (double)replications, 0.1 - 0.074, 0.1 + 0.074);
        Assert.InRange(below50 / (double)replications, 0.5 - 0.124, 0.5 + 0.124);
    }

    [Fact]
    public void Ar1_IsSignificant_WithGaussianAndKsg()
    {
        // AR(1) with coefficient 0.5: A = −½ ln(1 − 0.5²) ≈ 0.144 nats, where a shuffled present carries none (the
        // surrogate estimates are about χ²₁ / 2N ≈ 0.001 at n = 500): every surrogate lies below the observed value.
        double[] x = Ar1(500, 0.5, seed: 3);
        var gaussian = Gaussian.Test(x, 99, seed: 1);
        Assert.Equal(1.0 / 100, gaussian.PValue, 1e-15);
        Assert.InRange(gaussian.Observed.Nats, 0.144 - 0.06, 0.144 + 0.06);
        Assert.Equal(Gaussian.Estimate(x).Nats, gaussian.Observed.Nats);
        // KSG varies much more on an autocorrelated series (at n = 500 its estimate ranged 0.04–0.22 over 8 seeds), so
        // its test uses n = 2000, where the estimate is about 0.14 ± 0.03 and the surrogates about 0 ± 0.015.
        var ksg = new ActiveInformationStorage(new KsgMutualInformation()).Test(Ar1(2000, 0.5, seed: 3), 19, seed: 1);
        Assert.Equal(1.0 / 20, ksg.PValue, 1e-15);
    }

    [Fact]
    public void Result_DependsOnlyOnTheSeed()
    {
        double[] x = Ar1(400, 0.3, seed: 5);
        SampleMatrix[] trials = [SampleMatrix.FromRowMajor(x.AsSpan(0, 150), 1), SampleMatrix.FromRowMajor(x.AsSpan(150), 1)];
        var all = Gaussian.Test(trials, 40, seed: 3);
        var one = Gaussian.Test(trials, 40, seed: 3, maxDegreeOfParallelism: 1);
        Assert.Equal(all.NullDistribution.ToArray(), one.NullDistribution.ToArray());
        Assert.Equal(Gaussian.Estimate(trials).Nats, all.Observed.Nats);
        Assert.NotEqual(all.NullDistribution.ToArray(), Gaussian.Test(trials, 40, seed: 4).NullDistribution.ToArray());
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        double[] x = Ar1(50, 0.3, seed: 1);
        Assert.Equal("surrogates", Assert.Throws<ArgumentOutOfRangeException>(() => Gaussian.Test(x, 0)).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Gaussian.Test([SampleMatrix.FromRowMajor(x, 1)], 5, maxDegreeOfParallelism: 0)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => Gaussian.Test([1.0, double.NaN, 2.0], 5)).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() =>
            Gaussian.Test([SampleMatrix.FromRowMajor(x, 1), SampleMatrix.FromRowMajor(x.AsSpan(0, 2), 1)], 5)).ParamName);
    }
}
