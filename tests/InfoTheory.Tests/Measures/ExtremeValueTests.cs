using InfoTheory.Measures;
using InfoTheory.Primitives;
using InfoTheory.Statistics;

namespace InfoTheory.Tests.Measures;

/// <summary>Inputs at the edges of the double range, where a naive formula under- or overflows.</summary>
public sealed class ExtremeValueTests
{
    [Theory]
    [InlineData(2000.0)]
    [InlineData(1e6)]
    public void Renyi_LargeOrder_OnUniform_IsLogN(double alpha)
    {
        // H_α(uniform on n) = ln n for every α; Σ p^α underflows to 0 for 0.5^2000 unless the maximum is factored out.
        Assert.Equal(Math.Log(2), Entropy.Renyi([0.5, 0.5], alpha).Nats, 1e-12);
        Assert.Equal(Math.Log(2), InformationPrimitives.RenyiEntropy([0.5f, 0.5f], alpha).Nats, 1e-6);
        double[] uniform = Enumerable.Repeat(1.0 / 1000, 1000).ToArray();
        Assert.Equal(Math.Log(1000), InformationPrimitives.RenyiEntropy(uniform, 150).Nats, 1e-9);
    }

    [Fact]
    public void Renyi_LargeOrder_ApproachesMinEntropy()
    {
        // H_α → −ln max p as α → ∞; at α = 10^4 the gap is ln(#maxima · …)/(α − 1) ≤ ln 3 / 9999.
        double[] p = [0.5, 0.3, 0.2];
        Assert.Equal(Math.Log(2), Entropy.Renyi(p, 1e4).Nats, 2e-4);
    }

    [Fact]
    public void KullbackLeibler_SubnormalQ_DoesNotOverflowTheRatio()
    {
        // KL((1, 0) ‖ (q, 1)) = −ln q with q the subnormal nearest 1e-320 (≈ 320 ln 10 nats, but a subnormal
        // carries only ~11 significant bits, so take the log of the stored value); 1 / q overflows a double.
        double expected = -Math.Log(1e-320);
        Assert.Equal(320 * Math.Log(10), expected, 1e-3);
        Assert.Equal(expected, Divergence.KullbackLeibler([1.0, 0.0], [1e-320, 1.0]).Nats, 1e-9);

        // The same lane inside a long vector (the vector path, fast block then exact redo).
        double[] p = new double[3000], q = new double[3000];
        p[1234] = 1;
        Array.Fill(q, (1.0 - 1e-320) / 2999);
        q[1234] = 1e-320;
        Assert.Equal(expected, InformationPrimitives.KullbackLeibler(p, q).Nats, 1e-9);
    }

    [Fact]
    public void JensenShannon_SmallestSubnormal_StaysFinite()
    {
        // m = (p + q)/2 rounds to 0 for p = 5e-324, q = 0; the ratio form does not. JS ≈ 5e-324·ln 2 ≈ 0.
        double js = Divergence.JensenShannon([1.0, 5e-324], [1.0, 0.0]).Nats;
        Assert.True(double.IsFinite(js));
        Assert.Equal(0.0, js, 1e-300);
        Assert.Equal(Math.Log(2), Divergence.JensenShannon([1.0, 0.0], [0.0, 1.0]).Nats, 1e-15);
    }

    [Fact]
    public void RenyiDivergence_TinyProbabilities_NoZeroTimesInfinity()
    {
        double[] p = [1e-200, 1 - 1e-200];
        Assert.Equal(0.0, Divergence.Renyi(p, p, 3).Nats, 1e-15);
        Assert.Equal(double.PositiveInfinity, Divergence.Renyi(p, [0.0, 1.0], 2).Nats);
        // α < 1: the zero of q only removes mass: D_½ = −2 ln(√(1−1e-200)) ≈ 1e-200.
        Assert.Equal(0.0, Divergence.Renyi(p, [0.0, 1.0], 0.5).Nats, 1e-15);
    }

    [Fact]
    public void PermutationTest_NaNEstimate_GivesNaNPValue()
    {
        var result = PermutationTest.MutualInformation(new NaNEstimator(), [0, 1, 0, 1], [1, 0, 1, 0], 19, seed: 1);
        Assert.True(double.IsNaN(result.PValue));
    }

    private sealed class NaNEstimator : IMutualInformationEstimator<int, int>
    {
        public Information Estimate(ReadOnlySpan<int> x, ReadOnlySpan<int> y) => Information.FromNats(double.NaN);
    }
}
