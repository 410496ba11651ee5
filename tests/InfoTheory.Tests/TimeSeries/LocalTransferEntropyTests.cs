using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>
/// Local transfer entropy and local active information storage with the Gaussian and KSG estimators. On the linear process
/// Y_t = a Y_{t−1} + b X_{t−1} + ε_t (X, ε i.i.d. N(0, 1)) T(X → Y) = ½ ln(1 + b²) and A(Y) = −½ ln(1 − a²) at k = 1
/// (see <see cref="TransferEntropyTests"/>), so the local values must average to these; they must also average exactly
/// (up to rounding) to the estimate from the same estimator, and line up with the time steps FirstTime, FirstTime + 1, ….
/// </summary>
public sealed class LocalTransferEntropyTests
{
    private const double A = 0.5, B = 0.6;
    private static readonly double s_trueTe = 0.5 * Math.Log(1 + (B * B));
    private static readonly double s_trueAis = -0.5 * Math.Log(1 - (A * A));

    [Fact]
    public void Gaussian_LocalTe_AveragesToTheEstimateAndTheClosedForm()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(20_000, A, B, seed: 1);
        var te = new TransferEntropy(new GaussianConditionalMutualInformation());
        double[] local = te.LocalValues(x, y);
        Assert.Equal(x.Length - te.FirstTime, local.Length);

        // Mean of the local values vs the estimate: rounding only (n = 2·10⁴ values of size ≈ 1: ≈ 1e-12).
        Assert.Equal(te.Estimate(x, y).Nats, local.Average(), 1e-10);

        // Against the closed form: the Gaussian estimate's standard error at n = 2·10⁴ is ≈ 0.004; 0.015 is > 3 s.e.
        Assert.Equal(s_trueTe, local.Average(), 0.015);

        // Longer histories: still the estimate's mean.
        var te3 = new TransferEntropy(new GaussianConditionalMutualInformation()) { TargetHistory = 3, SourceHistory = 2, Lag = 2 };
        double[] local3 = te3.LocalValues(x, y);
        Assert.Equal(x.Length - te3.FirstTime, local3.Length);
        Assert.Equal(te3.Estimate(x, y).Nats, local3.Average(), 1e-10);
    }

    [Fact]
    public void Gaussian_LocalValueI_BelongsToTimeFirstTimePlusI()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(500, A, B, seed: 5);
        var te = new TransferEntropy(new GaussianConditionalMutualInformation()) { TargetHistory = 2 };
        int first = te.FirstTime, rows = x.Length - first;
        Assert.Equal(2, first);

        // The embedding by hand: present Y_t, source past X_{t−1}, target past (Y_{t−1}, Y_{t−2}) for t = 2 … n − 1.
        double[] present = new double[rows], sourcePast = new double[rows], targetPast = new double[2 * rows];
        for (int i = 0; i < rows; i++)
        {
            int t = first + i;
            present[i] = y[t];
            sourcePast[i] = x[t - 1];
            targetPast[2 * i] = y[t - 1];
            targetPast[(2 * i) + 1] = y[t - 2];
        }

        double[] expected = new GaussianConditionalMutualInformation().LocalValues(
            SampleMatrix.FromRowMajor(present, 1), SampleMatrix.FromRowMajor(sourcePast, 1), SampleMatrix.FromRowMajor(targetPast, 2));
        Assert.Equal(expected, te.LocalValues(x, y));
    }

    [Fact]
    public void Gaussian_LocalAis_AveragesToTheEstimateAndTheClosedForm()
    {
        (_, double[] y) = TimeSeriesData.LinearCoupled(20_000, A, B, seed: 3);
        var ais = new ActiveInformationStorage(new GaussianMutualInformation());
        double[] local = ais.LocalValues(y);
        Assert.Equal(y.Length - ais.FirstTime, local.Length);
        Assert.Equal(ais.Estimate(y).Nats, local.Average(), 1e-10);
        Assert.Equal(s_trueAis, local.Average(), 0.015);
    }

    [Fact]
    public void Ksg_LocalTeAndAis_AverageToTheEstimateAndTheClosedForm()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(4_000, A, B, seed: 2);
        var te = new TransferEntropy(new KsgConditionalMutualInformation { K = 4 });
        double[] local = te.LocalValues(x, y);
        Assert.Equal(x.Length - te.FirstTime, local.Length);

        // Same digamma terms summed in another order: rounding ≈ n·2⁻⁵²·ψ(n) ≈ 1e-11 at most; 1e-12 on the mean.
        Assert.Equal(te.Estimate(x, y).Nats, local.Average(), 1e-12);

        // KSG at n = 4000 in 3 dimensions: spread ≈ 0.01 nats and bias of the same order; 0.04 allows both.
        Assert.Equal(s_trueTe, local.Average(), 0.04);

        var ais = new ActiveInformationStorage(new KsgMutualInformation { K = 4 });
        double[] localAis = ais.LocalValues(y);
        Assert.Equal(ais.Estimate(y).Nats, localAis.Average(), 1e-12);
        Assert.Equal(s_trueAis, localAis.Average(), 0.04);
    }

    [Fact]
    public void LocalValues_PoolTrialsInOrder()
    {
        (double[] x1, double[] y1) = TimeSeriesData.LinearCoupled(300, A, B, seed: 7);
        (double[] x2, double[] y2) = TimeSeriesData.LinearCoupled(200, A, B, seed: 8);
        SampleMatrix[] sources = [SampleMatrix.FromRowMajor(x1, 1), SampleMatrix.FromRowMajor(x2, 1)];
        SampleMatrix[] targets = [SampleMatrix.FromRowMajor(y1, 1), SampleMatrix.FromRowMajor(y2, 1)];
        var te = new TransferEntropy(new GaussianConditionalMutualInformation());
        double[] local = te.LocalValues(sources, targets);
        Assert.Equal(299 + 199, local.Length);
        Assert.Equal(te.Estimate(sources, targets).Nats, local.Average(), 1e-10);

        var ais = new ActiveInformationStorage(new KsgMutualInformation());
        double[] localAis = ais.LocalValues(targets);
        Assert.Equal(299 + 199, localAis.Length);
        Assert.Equal(ais.Estimate(targets).Nats, localAis.Average(), 1e-12);
    }

    [Fact]
    public void EstimatorWithoutLocalValues_ThrowsNamingIt()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(100, A, B, seed: 9);
        var te = new TransferEntropy(new GaussianCopulaConditionalMutualInformation());
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => te.LocalValues(x, y));
        Assert.Contains(nameof(GaussianCopulaConditionalMutualInformation), e.Message, StringComparison.Ordinal);

        var ais = new ActiveInformationStorage(new GaussianCopulaMutualInformation());
        e = Assert.Throws<InvalidOperationException>(() => ais.LocalValues(y));
        Assert.Contains(nameof(GaussianCopulaMutualInformation), e.Message, StringComparison.Ordinal);
    }
}
