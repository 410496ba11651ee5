
using InfoTheory.Discrete.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Discrete;

/// <summary>
/// The jackknife bias correction of a base entropy estimator (the plug-in estimate by default):
/// Ĥ_JK = N·Ĥ − ((N − 1)/N)·Σⱼ Ĥ₋ⱼ, where Ĥ₋ⱼ is the base estimate with sample j left out.
/// </summary>
/// <remarks>
/// <para>
/// The jackknife removes the 1/N term of an estimator's bias whatever its constant, so on the
/// plug-in estimate it does the work of the Miller-Madow correction without assuming the form of
/// the bias; its remaining bias is O(N⁻²) when N ≫ K. Like every correction from the observed
/// counts, it cannot account for symbols that were never seen.
/// </para>
/// <para>
/// Leaving out any one of the samples of a bin with count c gives the same histogram (that bin
/// becomes c − 1), so Σⱼ Ĥ₋ⱼ = Σ_c c·m_c·Ĥ(n with one count c lowered), with m_c the number of
/// bins holding c. The base estimator runs once per distinct count, not once per sample:
/// O(D·m) for D distinct counts (D ≤ √(2N)) and m observed symbols when the base estimator is
/// linear in m, instead of O(N·m); for the plug-in base the sum has a closed form and the cost is
/// O(m). The leave-one-out histograms keep the alphabet size of the
/// original one (<see cref="Histogram.AlphabetSize"/>), since K belongs to the source, not to
/// the sample.
/// </para>
/// <para>
/// Edge cases: N = 1 leaves no sample to estimate from, but its weight (N − 1)/N is 0, so the
/// result is the base estimate. A single observed symbol gives 0 with the plug-in base. Results
/// can be negative or exceed ln K; they are returned as they are.
/// </para>
/// <para>
/// References: S. Zahl (1977), "Jackknifing an index of diversity", Ecology 58, 907–913;
/// B. Efron and C. Stein (1981), "The jackknife estimate of variance", Annals of Statistics 9,
/// 586–596.
/// </para>
/// </remarks>
public sealed class JackknifeEntropy : DiscreteEntropyEstimator
{
    /// <summary>The jackknifed plug-in estimate.</summary>
    public JackknifeEntropy()
        : this(new PlugInEntropy())
    {
    }

    /// <summary>The jackknife of the given estimator.</summary>
    /// <param name="baseEstimator">The estimator to correct; it sees histograms with the same alphabet size.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseEstimator"/> is null.</exception>
    public JackknifeEntropy(DiscreteEntropyEstimator baseEstimator)
    {
        ArgumentNullException.ThrowIfNull(baseEstimator);
        BaseEstimator = baseEstimator;
    }

    /// <summary>The estimator whose bias is corrected.</summary>
    public DiscreteEntropyEstimator BaseEstimator { get; }

    /// <inheritdoc />
    /// <returns>N·Ĥ − ((N − 1)/N)·Σⱼ Ĥ₋ⱼ, in nats.</returns>
    public override Information Estimate(Histogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        long n = histogram.SampleCount;
        if (BaseEstimator is PlugInEntropy)
        {
            return Information.FromNats(PlugIn(histogram));
        }

        double full = BaseEstimator.Estimate(histogram).Nats;
        if (n == 1)
        {
            return Information.FromNats(full);
        }

        var profile = CountProfile.From(histogram.Counts);
        long[] counts = histogram.Counts.ToArray();
        // Ĥ_JK = Ĥ + ((N − 1)/N)·Σⱼ (Ĥ − Ĥ₋ⱼ), the same value as N·Ĥ − ((N − 1)/N)·Σⱼ Ĥ₋ⱼ because the
        // weights c·m_c add up to N, but without forming N·Ĥ.
        double shift = 0;
        for (int j = 0; j < profile.Length; j++)
        {
            long c = profile.Values[j];
            int bin = Array.IndexOf(counts, c);
            counts[bin] = c - 1;
            var reduced = Histogram.FromDense<long>(counts, n - 1, histogram.AlphabetSize);
            counts[bin] = c;
            shift += (double)c * profile.Multiplicities[j] * (full - BaseEstimator.Estimate(reduced).Nats);
        }

        double total = n;
        return Information.FromNats(full + ((total - 1) / total * shift));
    }

    /// <summary>
    /// The jackknifed plug-in estimate in closed form. With T = Σ nᵢ ln nᵢ, leaving out one sample of a bin
    /// with count c gives ln(N − 1) − (T − δ(c))/(N − 1), where δ(c) = c ln c − (c − 1) ln(c − 1); summing
    /// the N leave-one-out terms, T cancels and
    /// Ĥ_JK = N ln N − (N − 1) ln(N − 1) − (1/N)·Σᵢ nᵢ δ(nᵢ).
    /// Both differences are evaluated as ln x − (x − 1)·ln(1 − 1/x), so nothing cancels. O(m).
    /// </summary>
    private static double PlugIn(Histogram histogram)
    {
        double total = histogram.SampleCount;
        double sum = 0;
        foreach (long c in histogram.Counts)
        {
            sum += c * Delta(c);
        }

        return Delta(total) - (sum / total);
    }

    /// <summary>δ(x) = x ln x − (x − 1) ln(x − 1) for x ≥ 1 (δ(1) = 0).</summary>
    private static double Delta(double x) => x == 1 ? 0 : Math.Log(x) - ((x - 1) * GammaFunctions.Log1P(-1 / x));
}
