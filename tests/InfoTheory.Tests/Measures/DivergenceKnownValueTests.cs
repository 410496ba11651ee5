using InfoTheory.Measures;
using InfoTheory.Primitives;

namespace InfoTheory.Tests.Measures;

/// <summary>Divergences of small pairs computed by hand (formulas in the comments).</summary>
public sealed class DivergenceKnownValueTests
{
    private static readonly double[] Half = [0.5, 0.5];
    private static readonly double[] Biased = [0.9, 0.1];

    [Fact]
    public void KullbackLeibler_HandComputedPairs()
    {
        // KL((.9,.1)‖(.5,.5)) = 1 − H_b(0.1) bits = 0.531004406410719 bits.
        Assert.Equal(0.531004406410719, Divergence.KullbackLeibler(Biased, Half).Bits, 1e-12);
        // KL((.5,.5)‖(.9,.1)) = ½ log2(.5/.9) + ½ log2(.5/.1) = ½ log2(25/9) bits.
        Assert.Equal(0.5 * Math.Log2(25.0 / 9), Divergence.KullbackLeibler(Half, Biased).Bits, 1e-14);
        // KL((1/2,1/4,1/4)‖(1/4,1/4,1/2)) = ½·1 + 0 + ¼·(−1) = ¼ bit.
        Assert.Equal(0.25, Divergence.KullbackLeibler([0.5, 0.25, 0.25], [0.25, 0.25, 0.5]).Bits, 1e-14);
    }

    [Fact]
    public void KullbackLeibler_QZeroWherePPositive_IsPositiveInfinity()
    {
        Assert.Equal(double.PositiveInfinity, Divergence.KullbackLeibler([0.5, 0.5], [1.0, 0.0]).Nats);
        Assert.Equal(double.PositiveInfinity, InformationPrimitives.KullbackLeibler([0.5f, 0.5f], [1.0f, 0.0f]).Nats);
        // p = 0 where q = 0 contributes nothing: KL((1,0)‖(1,0)) = 0.
        Assert.Equal(0.0, Divergence.KullbackLeibler([1.0, 0.0], [1.0, 0.0]).Nats);
    }

    [Fact]
    public void KullbackLeibler_Normalize_EqualsKlOfRescaled()
    {
        Assert.Equal(Divergence.KullbackLeibler(Biased, Half).Nats, Divergence.KullbackLeibler([9, 1], [3, 3], normalize: true).Nats, 1e-14);
        Assert.Equal(Divergence.CrossEntropy(Biased, Half).Nats, Divergence.CrossEntropy([9, 1], [3, 3], normalize: true).Nats, 1e-14);
    }

    [Fact]
    public void CrossEntropy_EqualsEntropyPlusKl()
    {
        // H((.9,.1), (.5,.5)) = 1 bit exactly: −(.9 + .1)·log2 .5.
        Assert.Equal(1.0, Divergence.CrossEntropy(Biased, Half).Bits, 1e-14);
        Assert.Equal(double.PositiveInfinity, Divergence.CrossEntropy([0.5, 0.5], [1.0, 0.0]).Nats);
    }

    [Fact]
    public void JensenShannon_DisjointSupports_IsOneBit_AndIdentical_IsZero()
    {
        // JS of disjoint distributions attains the bound ln 2 (Lin 1991).
        Assert.Equal(1.0, Divergence.JensenShannon([1.0, 0.0], [0.0, 1.0]).Bits, 1e-15);
        Assert.Equal(0.0, Divergence.JensenShannon(Biased, Biased).Nats);
        // JS((.9,.1),(.5,.5)) = H(.7,.3) − ½H(.9,.1) − ½H(.5,.5) in bits.
        double hb(double x) => -(x * Math.Log2(x)) - ((1 - x) * Math.Log2(1 - x));
        Assert.Equal(hb(0.7) - (0.5 * hb(0.9)) - 0.5, Divergence.JensenShannon(Biased, Half).Bits, 1e-14);
    }

    [Fact]
    public void JensenShannon_Weighted_MatchesEntropyForm()
    {
        // Three one-hot distributions with weights (½, ¼, ¼): JS_w = H(w) = 1.5 bits (mixture = w).
        double[] rows = [1, 0, 0, 0, 1, 0, 0, 0, 1];
        Assert.Equal(1.5, Divergence.JensenShannon(rows, 3, [0.5, 0.25, 0.25]).Bits, 1e-14);
        // Two rows with equal weights reduce to the two-argument form.
        double[] two = [0.9, 0.1, 0.5, 0.5];
        Assert.Equal(Divergence.JensenShannon(Biased, Half).Nats, Divergence.JensenShannon(two, 2, [0.5, 0.5]).Nats, 1e-15);
    }

    [Fact]
    public void CauchySchwarz_IdenticalIsZero_AndHandComputed()
    {
        Assert.Equal(0.0, Divergence.CauchySchwarz(Biased, Biased).Nats, 1e-15);
        // Σpq = .5, Σp² = .82, Σq² = .5: D = −ln(.5 / √.41).
        Assert.Equal(-Math.Log(0.5 / Math.Sqrt(0.41)), Divergence.CauchySchwarz(Biased, Half).Nats, 1e-14);
        Assert.Equal(double.PositiveInfinity, Divergence.CauchySchwarz([1.0, 0.0], [0.0, 1.0]).Nats);
    }

    [Fact]
    public void Renyi_Orders_HandComputed()
    {
        double[] p = Biased, q = Half;
        // D½ = −2 ln Σ√(pq) = −2 ln(√.45 + √.05); D∞ = ln max p/q = ln 1.8; D0 = −ln Σ_{p>0} q = 0.
        Assert.Equal(-2 * Math.Log(Math.Sqrt(0.45) + Math.Sqrt(0.05)), Divergence.Renyi(p, q, 0.5).Nats, 1e-14);
        Assert.Equal(Math.Log(1.8), Divergence.Renyi(p, q, double.PositiveInfinity).Nats, 1e-14);
        Assert.Equal(0.0, Divergence.Renyi(p, q, 0).Nats, 1e-15);
        Assert.Equal(Divergence.KullbackLeibler(p, q).Nats, Divergence.Renyi(p, q, 1).Nats, 1e-15);
        // D2 = ln Σ p²/q = ln(.81/.5 + .01/.5) = ln 1.64.
        Assert.Equal(Math.Log(1.64), Divergence.Renyi(p, q, 2).Nats, 1e-14);
    }

    [Fact]
    public void Distances_HandComputed()
    {
        // TV = ½(|.9−.5| + |.1−.5|) = .4; χ² = (.4²/.5)·2 = .64; Hellinger² = 1 − (√.45 + √.05).
        Assert.Equal(0.4, Divergence.TotalVariation(Biased, Half), 1e-15);
        Assert.Equal(0.64, Divergence.ChiSquared(Biased, Half), 1e-14);
        Assert.Equal(Math.Sqrt(1 - (Math.Sqrt(0.45) + Math.Sqrt(0.05))), Divergence.Hellinger(Biased, Half), 1e-14);
        Assert.Equal(1.0, Divergence.Hellinger([1.0, 0.0], [0.0, 1.0]), 1e-15);
        Assert.Equal(double.PositiveInfinity, Divergence.ChiSquared([0.5, 0.5], [1.0, 0.0]));
    }

    [Fact]
    public void LogSumExp_EdgeCases()
    {
        Assert.Equal(double.NegativeInfinity, InformationPrimitives.LogSumExp(ReadOnlySpan<double>.Empty));
        Assert.Equal(1000 + Math.Log(2), InformationPrimitives.LogSumExp([1000.0, 1000.0]), 1e-12);
        Assert.Equal(-1000 + Math.Log(2), InformationPrimitives.LogSumExp([-1000.0, -1000.0]), 1e-12);
        Assert.Equal(double.NegativeInfinity, InformationPrimitives.LogSumExp([double.NegativeInfinity, double.NegativeInfinity]));
        Assert.Equal(double.PositiveInfinity, InformationPrimitives.LogSumExp([1.0, double.PositiveInfinity]));
        Assert.True(double.IsNaN(InformationPrimitives.LogSumExp([1.0, double.NaN, 2.0])));
        Assert.Equal(Math.Log(3), InformationPrimitives.LogSumExp([0.0, 0.0, 0.0, double.NegativeInfinity]), 1e-15);
    }

    [Fact]
    public void SoftmaxDivergences_MatchDivergencesOfExplicitSoftmax()
    {
        // softmax(0, ln 9) = (.1, .9) and softmax(0, 0) = (.5, .5).
        double[] a = [Math.Log(9), 0.0], b = [0.0, 0.0];
        Assert.Equal(Divergence.KullbackLeibler(Biased, Half).Nats, InformationPrimitives.SoftmaxKullbackLeibler(a, b).Nats, 1e-14);
        Assert.Equal(1.0, InformationPrimitives.SoftmaxCrossEntropy(a, b).Bits, 1e-14);
        // A −∞ logit in q where p has mass: KL = +∞.
        Assert.Equal(double.PositiveInfinity, InformationPrimitives.SoftmaxKullbackLeibler([0.0, 0.0], [0.0, double.NegativeInfinity]).Nats);
        Assert.True(InformationPrimitives.SoftmaxEntropy([double.NegativeInfinity, double.NegativeInfinity]).IsNaN);
    }
}
