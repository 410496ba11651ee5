using InfoTheory.Multivariate;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Multivariate;

/// <summary>
/// The multivariate measures on the catalogue's distributions against their closed forms (bits): giant bit of n
/// variables TC = n − 1, DTC = 1, Ω = n − 2; n-bit parity TC = 1, DTC = n − 1, Ω = 2 − n, co-information (−1)ⁿ
/// (James, Ellison &amp; Crutchfield 2011; Rosas et al. 2019). Exact to rounding: 1e-12.
/// </summary>
public sealed class CanonicalMultivariateTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void GiantBit_IsMaximallyRedundant(int n)
    {
        MultivariateProfile profile = MultivariateInformation.Profile(CanonicalDistributions.GiantBit(n));
        Assert.Equal(n - 1, profile.TotalCorrelation.Bits, 1e-12);
        Assert.Equal(1, profile.DualTotalCorrelation.Bits, 1e-12);
        Assert.Equal(n - 2, profile.OInformation.Bits, 1e-12);
        Assert.Equal(n, profile.SInformation.Bits, 1e-12);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(10)]
    public void Parity_IsMaximallySynergistic(int n)
    {
        DiscreteDistribution parity = CanonicalDistributions.Parity(n);
        MultivariateProfile profile = MultivariateInformation.Profile(parity);
        Assert.Equal(1, profile.TotalCorrelation.Bits, 1e-12);
        Assert.Equal(n - 1, profile.DualTotalCorrelation.Bits, 1e-12);
        Assert.Equal(2 - n, profile.OInformation.Bits, 1e-12);

        // Co-information is an alternating sum of 2ⁿ − 1 entropies of up to n bits: allow 2ⁿ·n·1e-15.
        Assert.Equal(n % 2 == 0 ? 1 : -1, MultivariateInformation.CoInformation(parity).Bits, (1 << n) * n * 1e-15);
    }

    [Fact]
    public void Dice_SumCarriesItsEntropy()
    {
        DiscreteDistribution dice = CanonicalDistributions.Dice;

        // H(X + Y) = −Σ_s p(s) log2 p(s) with p(s) = (6 − |s − 5|)/36 for s = 0 … 10.
        double hSum = 0;
        for (int s = 0; s <= 10; s++)
        {
            double p = (6 - Math.Abs(s - 5)) / 36.0;
            hSum -= p * Math.Log2(p);
        }

        Assert.Equal(hSum, dice.Entropy(2).Bits, 1e-12);
        Assert.Equal(hSum - Math.Log2(6), dice.MutualInformation([0], [2]).Bits, 1e-12);
        Assert.Equal(hSum, dice.MutualInformation([0, 1], [2]).Bits, 1e-12);
    }

    [Fact]
    public void TwoSourceCatalogue_HasTheStatedTotals()
    {
        // I(S1, S2; T) in bits: XOR 1, AND/OR H_b(1/4), COPY 2, RDN 1, UNQ 1, RdnXor 2, RdnUnqXor 4, XorAnd 1.5.
        double hb = -(0.25 * Math.Log2(0.25)) - (0.75 * Math.Log2(0.75));
        var totals = new Dictionary<string, double>
        {
            ["XOR"] = 1, ["AND"] = hb, ["OR"] = hb, ["COPY"] = 2, ["RDN"] = 1, ["UNQ"] = 1, ["RdnXor"] = 2, ["RdnUnqXor"] = 4, ["XorAnd"] = 1.5,
        };
        foreach ((string name, DiscreteDistribution d) in CanonicalDistributions.TwoSource)
        {
            Assert.Equal(3, d.VariableCount);
            Assert.Equal(totals[name], d.MutualInformation([0, 1], [2]).Bits, 1e-12);
        }
    }
}
