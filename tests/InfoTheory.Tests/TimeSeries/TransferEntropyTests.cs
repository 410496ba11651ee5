using InfoTheory.Continuous;
using InfoTheory.TimeSeries;

namespace InfoTheory.Tests.TimeSeries;

/// <summary>
/// Transfer entropy and active information storage of continuous processes against closed forms.
/// The linear process Y_t = a Y_{t−1} + b X_{t−1} + ε_t, X and ε i.i.d. N(0, 1), has
/// Var(Y_t | Y_{t−1}) = b² + 1 (X_{t−1} and ε_t are independent of the past of Y) and Var(Y_t | Y_{t−1}, X_{t−1}) = 1,
/// so T(X → Y) = ½ ln(1 + b²) for every k, l ≥ 1; its lag-1 autocorrelation is a, so A(Y) = −½ ln(1 − a²) at k = 1;
/// and T(Y → X) = 0 because X is i.i.d.
/// </summary>
public sealed class TransferEntropyTests
{
    private const double A = 0.5, B = 0.6;
    private static readonly double s_trueTe = 0.5 * Math.Log(1 + (B * B));
    private static readonly double s_trueAis = -0.5 * Math.Log(1 - (A * A));

    [Fact]
    public void Gaussian_LinearProcess_MatchesClosedForm()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(20_000, A, B, seed: 1);
        var te = new TransferEntropy(new GaussianConditionalMutualInformation());

        // Gaussian CMI at n = 2·10⁴: standard error about sqrt(2·TE/n)-ish ≈ 0.004; 0.015 is > 3 s.e.
        Assert.Equal(s_trueTe, te.Estimate(x, y).Nats, 0.015);

        // A longer target and source history adds nothing for this order-1 process.
        var te3 = new TransferEntropy(new GaussianConditionalMutualInformation()) { TargetHistory = 3, SourceHistory = 2 };
        Assert.Equal(s_trueTe, te3.Estimate(x, y).Nats, 0.015);

        // Under independence 2n·Î ~ χ²₁ (mean 1/(2n) = 2.5e-5); 2e-3 is far beyond its 99.9 % quantile.
        Assert.Equal(0, te.Estimate(y, x).Nats, 2e-3);

        var ais = new ActiveInformationStorage(new GaussianMutualInformation());
        Assert.Equal(s_trueAis, ais.Estimate(y).Nats, 0.015);
    }

    [Fact]
    public void Ksg_LinearProcess_MatchesClosedFormAndDirection()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(4_000, A, B, seed: 2);
        var te = new TransferEntropy(new KsgConditionalMutualInformation { K = 4 });

        // KSG at n = 4000 in 3 dimensions: spread ≈ 0.01 nats and bias of the same order here; 0.04 allows both.
        double forward = te.Estimate(x, y).Nats, backward = te.Estimate(y, x).Nats;
        Assert.Equal(s_trueTe, forward, 0.04);
        Assert.Equal(0, backward, 0.03);
        Assert.True(forward > backward + 0.08, $"T(X→Y) = {forward}, T(Y→X) = {backward}");

        var ais = new ActiveInformationStorage(new KsgMutualInformation { K = 4 });
        Assert.Equal(s_trueAis, ais.Estimate(y).Nats, 0.04);
    }

    [Fact]
    public void GaussianCopula_IsInvariantUnderMonotoneMapsOfEachSeries()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(20_000, A, B, seed: 3);
        double[] cubed = Array.ConvertAll(x, v => v * v * v), expY = Array.ConvertAll(y, Math.Exp);
        var te = new TransferEntropy(new GaussianCopulaConditionalMutualInformation());

        // The normal scores of a strictly increasing map are those of the data, so both estimates are the same
        // number up to rounding; each is near the Gaussian truth (normal-score estimates lose little at this n).
        double plain = te.Estimate(x, y).Nats, mapped = te.Estimate(cubed, expY).Nats;
        Assert.Equal(plain, mapped, 1e-9);
        Assert.Equal(s_trueTe, mapped, 0.02);
        var ais = new ActiveInformationStorage(new GaussianCopulaMutualInformation());
        Assert.Equal(s_trueAis, ais.Estimate(expY).Nats, 0.02);
    }

    [Fact]
    public void Trials_ArePooledWithoutCrossingBoundaries()
    {
        (double[] x, double[] y) = TimeSeriesData.LinearCoupled(20_000, A, B, seed: 4);
        var xs = new List<SampleMatrix>();
        var ys = new List<SampleMatrix>();
        for (int i = 0; i < 4; i++)
        {
            xs.Add(SampleMatrix.FromRowMajor(x.AsSpan(i * 5000, 5000), 1));
            ys.Add(SampleMatrix.FromRowMajor(y.AsSpan(i * 5000, 5000), 1));
        }

        var te = new TransferEntropy(new GaussianConditionalMutualInformation()) { TargetHistory = 2, Lag = 2, SourceHistory = 2 };
        TransferEntropySample sample = te.Embed(xs, ys);

        // Each trial loses its first FirstTime = max(1 + 1, 2 + 1) = 3 steps.
        Assert.Equal(3, te.FirstTime);
        Assert.Equal(4 * (5000 - 3), sample.Present.Rows);
        Assert.Equal(y[5003], sample.Present[5000 - 3, 0]);
        Assert.Equal([y[5002], y[5001]], sample.TargetPast.Row(5000 - 3).ToArray());
        Assert.Equal([x[5001], x[5000]], sample.SourcePast.Row(5000 - 3).ToArray());

        // The estimate is the CMI estimator applied to the embedded sample. With u = 2 the source past X_{t−2}, X_{t−3}
        // reaches Y_t only through Y_{t−1}, which is conditioned on, so the transfer is 0 (tolerance as for independence).
        var cmi = new GaussianConditionalMutualInformation();
        Assert.Equal(cmi.Estimate(sample.Present, sample.SourcePast, sample.TargetPast), te.Estimate(xs, ys));
        Assert.Equal(0, te.Estimate(xs, ys).Nats, 2e-3);
    }

    [Fact]
    public void Conditional_CommonDriverExplainsTheTransfer()
    {
        // Z i.i.d. N(0,1); X_t = Z_t + η_t; Y_t = Z_{t−1} + ε_t. X_{t−1} tells about Y_t only through Z_{t−1}:
        // T(X → Y) = −½ ln(1 − ρ²) with ρ² = 1 / ((1 + 1)(1 + 1)) (the target's past is independent of both),
        // and T(X → Y | Z) = 0.
        var random = new Random(5);
        const int n = 20_000;
        double[] z = new double[n], x = new double[n], y = new double[n];
        for (int t = 0; t < n; t++)
        {
            z[t] = TimeSeriesData.Normal(random);
            x[t] = z[t] + TimeSeriesData.Normal(random);
            y[t] = (t > 0 ? z[t - 1] : 0) + TimeSeriesData.Normal(random);
        }

        SampleMatrix xm = SampleMatrix.FromRowMajor(x, 1), ym = SampleMatrix.FromRowMajor(y, 1), zm = SampleMatrix.FromRowMajor(z, 1);
        var te = new TransferEntropy(new GaussianConditionalMutualInformation());
        Assert.Equal(-0.5 * Math.Log(1 - 0.25), te.Estimate(xm, ym).Nats, 0.015);
        Assert.Equal(0, te.Estimate(xm, ym, zm).Nats, 2e-3);
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        var te = new TransferEntropy(new GaussianConditionalMutualInformation());
        double[] a = [1, 2, 3, 4, 5], b = [2, 1, 3, 5, 4];
        Assert.Equal("estimator", Assert.Throws<ArgumentNullException>(() => new TransferEntropy(null!)).ParamName);
        Assert.Equal("Lag", Assert.Throws<ArgumentOutOfRangeException>(() => new TransferEntropy(new GaussianConditionalMutualInformation()) { Lag = 0 }).ParamName);
        Assert.Equal("TargetHistory", Assert.Throws<ArgumentOutOfRangeException>(() => new TransferEntropy(new GaussianConditionalMutualInformation()) { TargetHistory = 0 }).ParamName);
        Assert.Equal("SourceDelay", Assert.Throws<ArgumentOutOfRangeException>(() => new TransferEntropy(new GaussianConditionalMutualInformation()) { SourceDelay = -1 }).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => te.Estimate(a, b.AsSpan(0, 4))).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => te.Estimate([1, double.NaN, 3, 4, 5], b)).ParamName);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => te.Estimate(a.AsSpan(0, 1), b.AsSpan(0, 1))).ParamName);

        SampleMatrix one = SampleMatrix.FromRowMajor(a, 1), two = SampleMatrix.FromRowMajor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2);
        Assert.Equal("sources", Assert.Throws<ArgumentException>(() => te.Estimate([one, two], [one, one])).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => te.Estimate([one], [one, one])).ParamName);
        Assert.Equal("conditionals", Assert.Throws<ArgumentException>(() => te.Estimate([one], [one], [SampleMatrix.FromRowMajor([1, 2, 3], 1)])).ParamName);

        var ais = new ActiveInformationStorage(new GaussianMutualInformation());
        Assert.Equal("History", Assert.Throws<ArgumentOutOfRangeException>(() => new ActiveInformationStorage(new GaussianMutualInformation()) { History = 0 }).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => ais.Estimate([1.0])).ParamName);
        Assert.Equal("trials", Assert.Throws<ArgumentException>(() => ais.Estimate([one, two])).ParamName);
    }
}
