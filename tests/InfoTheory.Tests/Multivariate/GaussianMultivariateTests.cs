using InfoTheory.Continuous;
using InfoTheory.Multivariate;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Tests.Multivariate;

/// <summary>
/// Gaussian and Gaussian-copula multivariate measures and the multiplet search, against closed forms of the
/// equicorrelated Gaussian and against the exact (covariance) route.
/// </summary>
public sealed class GaussianMultivariateTests
{
    /// <summary>Equicorrelated m-variate Gaussian: det R = (1 − ρ)^(m−1) (1 + (m − 1)ρ).</summary>
    private static double LogDetEquicorrelated(int m, double rho) => ((m - 1) * Math.Log(1 - rho)) + Math.Log(1 + ((m - 1) * rho));

    private static double[,] Equicorrelated(int m, double rho, double[] scales)
    {
        double[,] c = new double[m, m];
        for (int a = 0; a < m; a++)
        {
            for (int b = 0; b < m; b++)
            {
                c[a, b] = (a == b ? 1 : rho) * scales[a] * scales[b];
            }
        }

        return c;
    }

    [Theory]
    [InlineData(3, 0.5)]
    [InlineData(4, -0.2)]
    [InlineData(6, 0.9)]
    public void FromCovariance_MatchesTheEquicorrelatedClosedForms(int m, double rho)
    {
        // Per-variable scales must cancel: the measures are ratios of determinants.
        double[] scales = [.. Enumerable.Range(0, m).Select(i => Math.Pow(10, i - 2))];
        var source = GaussianJointEntropy.FromCovariance(Equicorrelated(m, rho, scales));
        double tc = -0.5 * LogDetEquicorrelated(m, rho);
        double dtc = 0.5 * ((m * LogDetEquicorrelated(m - 1, rho)) - ((m - 1) * LogDetEquicorrelated(m, rho)));
        MultivariateProfile profile = MultivariateInformation.Profile(source);

        // Exact route: Cholesky of at most 6 × 6 well-conditioned matrices, rounding ~1e-15 per log-determinant.
        Assert.Equal(tc, profile.TotalCorrelation.Nats, 1e-12);
        Assert.Equal(dtc, profile.DualTotalCorrelation.Nats, 1e-12);
        Assert.Equal(tc - dtc, profile.OInformation.Nats, 1e-12);
        Assert.True(profile.TotalCorrelation.Nats >= 0 && profile.DualTotalCorrelation.Nats >= 0);
    }

    [Fact]
    public void BiasCorrection_RemovesTheSmallSampleBias()
    {
        // 400 data sets of n = 30 from a 4-variate equicorrelated Gaussian (ρ = 0.4). The bias of plain TC is
        // ≈ d(d+1)/(4n) − d/(2n) ≈ 0.10 nats; the replicate standard error of the mean is ≈ 0.005 nats.
        const int m = 4, n = 30, replicates = 400;
        double rho = 0.4;
        double truth = -0.5 * LogDetEquicorrelated(m, rho);
        var normal = MatrixNormalSampler(Equicorrelated(m, rho, [1, 1, 1, 1]), seed: 11);
        double plain = 0, corrected = 0;
        for (int r = 0; r < replicates; r++)
        {
            SampleMatrix x = normal(n);
            plain += MultivariateInformation.TotalCorrelation(GaussianJointEntropy.FromSamples(x)).Nats;
            corrected += MultivariateInformation.TotalCorrelation(GaussianJointEntropy.FromSamples(x, biasCorrected: true)).Nats;
        }

        plain /= replicates;
        corrected /= replicates;
        Assert.True(plain - truth > 0.05, $"plain TC mean {plain} vs truth {truth}");
        Assert.True(Math.Abs(corrected - truth) < 0.02, $"corrected TC mean {corrected} vs truth {truth}");
    }

    [Fact]
    public void Copula_IsInvariantUnderMonotoneMapsOfEachColumn()
    {
        SampleMatrix x = MatrixNormalSampler(Equicorrelated(4, 0.6, [1, 1, 1, 1]), seed: 3)(500);
        double[] data = x.Data.ToArray();
        double[] mapped = new double[data.Length];
        for (int i = 0; i < data.Length; i++)
        {
            mapped[i] = (i % 4) switch { 0 => Math.Exp(data[i]), 1 => data[i] * data[i] * data[i], 2 => -data[i], _ => Math.Atan(data[i]) };
        }

        var a = GaussianJointEntropy.FromSamples(x, copula: true);
        var b = GaussianJointEntropy.FromSamples(SampleMatrix.FromRowMajor(mapped, 4), copula: true);

        // Normal scores depend only on ranks; a decreasing map negates them exactly, so every measure is unchanged
        // up to the rounding of sums in a different sign pattern.
        Assert.Equal(MultivariateInformation.OInformation(a).Nats, MultivariateInformation.OInformation(b).Nats, 1e-12);
        Assert.Equal(MultivariateInformation.TotalCorrelation(a).Nats, MultivariateInformation.TotalCorrelation(b).Nats, 1e-12);
    }

    /// <summary>
    /// p = 9 variables: 0, 1, 2 share one factor (redundant), 5 = 3 + 4 + small noise (synergistic), the rest noise.
    /// </summary>
    private static SampleMatrix Planted(int n, int seed)
    {
        var random = new Random(seed);
        double[] data = new double[n * 9];
        for (int i = 0; i < n; i++)
        {
            double f = Normal.Sample(random, 0, 1);
            double a = Normal.Sample(random, 0, 1), b = Normal.Sample(random, 0, 1);
            double[] row = [f + Normal.Sample(random, 0, 0.5), f + Normal.Sample(random, 0, 0.5), f + Normal.Sample(random, 0, 0.5),
                a, b, a + b + Normal.Sample(random, 0, 0.3), Normal.Sample(random, 0, 1), Normal.Sample(random, 0, 1), Normal.Sample(random, 0, 1)];
            row.CopyTo(data, i * 9);
        }

        return SampleMatrix.FromRowMajor(data, 9);
    }

    [Fact]
    public void Search_RanksEveryTripletAsTheDirectComputationDoes()
    {
        SampleMatrix x = Planted(2000, seed: 5);
        MultipletSearchResult result = new MultipletSearch { Order = 3, Top = 84 }.Run(x);
        Assert.True(result.Exhaustive);
        Assert.Equal(84, result.Evaluated);

        // Each value equals O-information of that triplet through the general (IJointEntropy) route on the same scores.
        var source = GaussianJointEntropy.FromSamples(x, copula: true);
        foreach (Multiplet m in result.Highest)
        {
            double direct = MultivariateInformation.Profile(source, m.Variables).OInformation.Nats;
            Assert.Equal(direct, m.Value.Nats, 1e-10);
        }

        Assert.Equal([0, 1, 2], result.Highest[0].Variables);
        Assert.Equal([3, 4, 5], result.Lowest[0].Variables);
        // The planted redundant triplet is equicorrelated with ρ = 1/(1 + 0.5²) = 0.8: Ω = TC − DTC in closed form.
        // n = 2000 gives a sampling standard deviation of about 0.015 nats for Ω here; allow 0.06.
        double ld3 = LogDetEquicorrelated(3, 0.8), ld2 = LogDetEquicorrelated(2, 0.8);
        double omega = (-0.5 * ld3) - (0.5 * ((3 * ld2) - (2 * ld3)));
        Assert.Equal(omega, result.Highest[0].Value.Nats, 0.06);
        Assert.True(result.Lowest[0].Value.Nats < -0.2, $"{result.Lowest[0].Value.Nats}");
        for (int i = 1; i < result.Highest.Count; i++)
        {
            Assert.True(result.Highest[i - 1].Value.Nats >= result.Highest[i].Value.Nats);
        }
    }

    [Theory]
    [InlineData(MultipletMeasure.TotalCorrelation)]
    [InlineData(MultipletMeasure.DualTotalCorrelation)]
    [InlineData(MultipletMeasure.SInformation)]
    public void Search_OtherMeasures_MatchTheProfile(MultipletMeasure measure)
    {
        SampleMatrix x = Planted(500, seed: 9);
        MultipletSearchResult result = new MultipletSearch { Order = 4, Top = 5, Measure = measure, BiasCorrected = true }.Run(x);
        var source = GaussianJointEntropy.FromSamples(x, copula: true, biasCorrected: true);
        foreach (Multiplet m in result.Highest.Concat(result.Lowest))
        {
            MultivariateProfile p = MultivariateInformation.Profile(source, m.Variables);
            double direct = measure switch
            {
                MultipletMeasure.TotalCorrelation => p.TotalCorrelation.Nats,
                MultipletMeasure.DualTotalCorrelation => p.DualTotalCorrelation.Nats,
                _ => p.SInformation.Nats,
            };
            Assert.Equal(direct, m.Value.Nats, 1e-10);
        }
    }

    [Fact]
    public void Search_IsDeterministicAcrossThreadCounts_AndAnnealingFindsThePlantedMultiplets()
    {
        SampleMatrix x = Planted(1000, seed: 7);
        MultipletSearchResult one = new MultipletSearch { Order = 3, Top = 5, MaxDegreeOfParallelism = 1 }.Run(x);
        MultipletSearchResult all = new MultipletSearch { Order = 3, Top = 5 }.Run(x);
        Assert.Equal(one.Highest.Select(m => (m.Variables, m.Value.Nats)), all.Highest.Select(m => (m.Variables, m.Value.Nats)));
        Assert.Equal(one.Lowest.Select(m => (m.Variables, m.Value.Nats)), all.Lowest.Select(m => (m.Variables, m.Value.Nats)));

        MultipletSearchResult annealed = new MultipletSearch { Order = 3, Top = 5, MaxExhaustive = 1, AnnealingSteps = 500 }.Run(x);
        Assert.False(annealed.Exhaustive);
        Assert.Equal(all.Highest[0].Variables, annealed.Highest[0].Variables);
        Assert.Equal(all.Lowest[0].Variables, annealed.Lowest[0].Variables);
        MultipletSearchResult annealedOne = new MultipletSearch { Order = 3, Top = 5, MaxExhaustive = 1, AnnealingSteps = 500, MaxDegreeOfParallelism = 1 }.Run(x);
        Assert.Equal(annealed.Highest.Select(m => m.Variables), annealedOne.Highest.Select(m => m.Variables));
    }

    [Fact]
    public void Significance_SeparatesPlantedFromNoise()
    {
        SampleMatrix x = Planted(400, seed: 13);
        MultipletSearchResult result = new MultipletSearch { Order = 3, Top = 84, Permutations = 199, BootstrapResamples = 200 }.Run(x);
        Multiplet redundant = result.Highest[0];
        Assert.Equal(1.0 / 200, redundant.PValue!.Value, 1e-15);   // no permutation reaches the planted value
        Assert.True(redundant.Lower!.Value.Nats <= redundant.Value.Nats && redundant.Value.Nats <= redundant.Upper!.Value.Nats);
        Assert.Equal(1.0 / 200, result.Lowest[0].PValue!.Value, 1e-15);

        // A triplet of pure noise (6, 7, 8): its p-value is uniform under the null; with this seed it is far from 0.
        Multiplet noise = result.Highest.Single(m => m.Variables.SequenceEqual([6, 7, 8]));
        Assert.True(noise.PValue > 0.05, $"noise p = {noise.PValue}");
    }

    [Fact]
    public void Search_BadInput_NamesTheParameter()
    {
        SampleMatrix x = Planted(50, seed: 1);
        Assert.Equal("Order", Assert.Throws<ArgumentOutOfRangeException>(() => new MultipletSearch { Order = 2 }).ParamName);
        Assert.Equal("Top", Assert.Throws<ArgumentOutOfRangeException>(() => new MultipletSearch { Top = 0 }).ParamName);
        Assert.Equal("MaxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new MultipletSearch { MaxDegreeOfParallelism = 0 }).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => new MultipletSearch { Order = 10 }.Run(x)).ParamName);

        double[] data = x.Data.ToArray();
        for (int i = 0; i < 50; i++)
        {
            data[(i * 9) + 7] = data[(i * 9) + 2];   // column 7 duplicates column 2
        }

        var ex = Assert.Throws<ArgumentException>(() => new MultipletSearch().Run(SampleMatrix.FromRowMajor(data, 9)));
        Assert.Equal("samples", ex.ParamName);
        Assert.Contains("linearly dependent", ex.Message, StringComparison.Ordinal);
        Assert.Equal("covariance", Assert.Throws<ArgumentException>(() => new MultipletSearch().Run(new double[,] { { 1, 2, 0 }, { 2, 1, 0 }, { 0, 0, 1 } })).ParamName);
    }

    private static Func<int, SampleMatrix> MatrixNormalSampler(double[,] covariance, int seed)
    {
        var random = new Random(seed);
        var chol = Matrix<double>.Build.DenseOfArray(covariance).Cholesky().Factor;
        int m = covariance.GetLength(0);
        return n =>
        {
            double[] data = new double[n * m];
            double[] z = new double[m];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    z[j] = Normal.Sample(random, 0, 1);
                }

                for (int a = 0; a < m; a++)
                {
                    double v = 0;
                    for (int b = 0; b <= a; b++)
                    {
                        v += chol[a, b] * z[b];
                    }

                    data[(i * m) + a] = v;
                }
            }

            return SampleMatrix.FromRowMajor(data, m);
        };
    }
}
