using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Discrete;

namespace InfoTheory.Tests.Discrete;

/// <summary>Invariants every discrete estimator must satisfy, on FsCheck-generated count vectors.</summary>
public sealed class EstimatorPropertyTests
{
    private static readonly string[] Names = ["PlugIn", "MillerMadow", "Grassberger", "ChaoShen", "JamesStein", "NSB", "Dirichlet", "Jackknife"];

    /// <summary>Counts 0..19 per bin, at least one positive; the alphabet size is the array length.</summary>
    private static long[] Counts(NonEmptyArray<NonNegativeInt> values)
    {
        long[] counts = Array.ConvertAll(values.Get, v => (long)(v.Get % 20));
        counts[0] = Math.Max(counts[0], 1);
        return counts;
    }

    [Property]
    public void Estimate_InvariantUnderRelabelling(NonEmptyArray<NonNegativeInt> values, int seed)
    {
        // Estimators depend on the multiset of counts only; sums over bins may be taken in another order,
        // hence 1e-12 rather than bit equality.
        long[] counts = Counts(values);
        long[] shuffled = (long[])counts.Clone();
        new Random(seed).Shuffle(shuffled);
        foreach (string name in Names)
        {
            var estimator = EntropyEstimatorTests.Create(name);
            double a = estimator.Estimate(Histogram.FromCounts(counts)).Nats;
            double b = estimator.Estimate(Histogram.FromCounts(shuffled)).Nats;
            Assert.True(Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(a)), $"{name}: {a} vs {b}");
        }
    }

    [Property]
    public void BayesianAndShrinkage_LieInZeroToLogK(NonEmptyArray<NonNegativeInt> values)
    {
        // Posterior means of H and the entropy of a pmf over K bins are in [0, ln K]; 1e-12 absorbs rounding.
        long[] counts = Counts(values);
        var h = Histogram.FromCounts(counts);
        double logK = Math.Log(counts.Length);
        DiscreteEntropyEstimator[] bounded =
        [
            new NsbEntropy(), new JamesSteinEntropy(), new DirichletEntropy(DirichletPrior.Jeffreys),
            new DirichletEntropy(DirichletPrior.Perks), new DirichletEntropy(DirichletPrior.Minimax), new DirichletEntropy(0.0),
        ];
        foreach (var estimator in bounded)
        {
            Assert.InRange(estimator.Estimate(h).Nats, -1e-12, logK + 1e-12);
        }
    }

    [Property]
    public void MillerMadow_NeverBelowPlugIn(NonEmptyArray<NonNegativeInt> values)
    {
        // Miller-Madow adds (m − 1)/(2N) ≥ 0.
        var h = Histogram.FromCounts(Counts(values));
        Assert.True(new MillerMadowEntropy().Estimate(h).Nats >= new PlugInEntropy().Estimate(h).Nats);
    }

    [Property]
    public void Posterior_StandardDeviationIsFiniteAndNonNegative(NonEmptyArray<NonNegativeInt> values)
    {
        var h = Histogram.FromCounts(Counts(values));
        foreach (var posterior in new[] { new NsbEntropy().Posterior(h), new DirichletEntropy().Posterior(h) })
        {
            Assert.True(posterior.StandardDeviation.Nats >= 0 && posterior.StandardDeviation.IsFinite);
        }
    }
}
