using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Continuous;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Continuous;

/// <summary>
/// Identities the Gaussian estimators satisfy exactly on any sample (they read one covariance matrix), up to rounding.
/// </summary>
public sealed class GaussianEstimationProperties
{
    // Log-determinants of well-conditioned matrices of size ≤ 7 carry ~1e-15 relative error; sums of a few of them
    // of size O(10) nats stay far below 1e-10.
    private const double Eps = 1e-10;

    private static readonly GaussianEntropy s_entropy = new();
    private static readonly GaussianMutualInformation s_mi = new();
    private static readonly GaussianConditionalMutualInformation s_cmi = new();

    /// <summary>Dimensions 1..2 each for x, y, z; 20..59 equicorrelated samples with ρ in [0, 0.8).</summary>
    private static (SampleMatrix X, SampleMatrix Y, SampleMatrix Z) Draw(int seed, PositiveInt shape)
    {
        int s = shape.Get;
        int dx = (s % 2) + 1, dy = ((s / 2) % 2) + 1, dz = ((s / 4) % 2) + 1, n = 20 + (s % 40);
        double rho = 0.8 * (((s / 8) % 10) / 10.0);
        var (x, yz) = MultivariateNormalTask.Equicorrelated(dx, dy + dz, rho).Sample(n, seed);
        int[] yColumns = Enumerable.Range(0, dy).ToArray(), zColumns = Enumerable.Range(dy, dz).ToArray();
        return (x, yz.SelectColumns(yColumns), yz.SelectColumns(zColumns));
    }

    [Property]
    public void MutualInformation_SymmetricNonNegativeAndEqualsEntropyIdentity(int seed, PositiveInt shape)
    {
        var (x, y, _) = Draw(seed, shape);
        double mi = s_mi.Estimate(x, y).Nats;
        Assert.Equal(mi, s_mi.Estimate(y, x).Nats);
        Assert.True(mi >= -Eps);
        double identity = s_entropy.Estimate(x).Nats + s_entropy.Estimate(y).Nats - s_entropy.Estimate(SampleMatrix.ConcatenateColumns(x, y)).Nats;
        Assert.Equal(identity, mi, Eps);
    }

    [Property]
    public void ConditionalMutualInformation_SatisfiesChainRule(int seed, PositiveInt shape)
    {
        // I(X; Y, Z) = I(X; Z) + I(X; Y | Z) (Cover & Thomas 2006, Thm 2.5.2).
        var (x, y, z) = Draw(seed, shape);
        double joint = s_mi.Estimate(x, SampleMatrix.ConcatenateColumns(y, z)).Nats;
        double chain = s_mi.Estimate(x, z).Nats + s_cmi.Estimate(x, y, z).Nats;
        Assert.Equal(joint, chain, Eps);
        Assert.Equal(s_cmi.Estimate(x, y, z).Nats, s_cmi.Estimate(y, x, z).Nats);
    }

    [Property]
    public void Estimators_AffineColumnMaps_LeaveMiAndTcUnchangedAndShiftEntropyByLogScale(int seed, PositiveInt shape)
    {
        var (x, y, _) = Draw(seed, shape);
        var random = new Random(seed);
        double[] data = x.Data.ToArray();
        double logScale = 0;
        for (int j = 0; j < x.Columns; j++)
        {
            double a = Math.Pow(10, (random.NextDouble() * 4) - 2) * (random.Next(2) == 0 ? -1 : 1), b = (random.NextDouble() - 0.5) * 100;
            logScale += Math.Log(Math.Abs(a));
            for (int i = 0; i < x.Rows; i++)
            {
                data[(i * x.Columns) + j] = (a * data[(i * x.Columns) + j]) + b;
            }
        }

        SampleMatrix mapped = SampleMatrix.FromRowMajor(data, x.Columns);
        Assert.Equal(s_mi.Estimate(x, y).Nats, s_mi.Estimate(mapped, y).Nats, Eps);
        Assert.Equal(s_entropy.Estimate(x).Nats + logScale, s_entropy.Estimate(mapped).Nats, Eps);
        var tc = new GaussianTotalCorrelation();
        Assert.Equal(tc.Estimate(x).Nats, tc.Estimate(mapped).Nats, Eps);
    }
}
