using System.Globalization;
using InfoTheory.Continuous.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// The Kraskov-Stögbauer-Grassberger k-nearest-neighbour estimate of the total correlation (multi-information)
/// TC(X₁, …, X_m) = Σᵥ h(Xᵥ) − h(X₁, …, X_m) of m ≥ 2 continuous variables of any dimension. Algorithm 1:
/// TĈ = ψ(k) + (m − 1)ψ(n) − ⟨Σᵥ ψ(nᵥ + 1)⟩; algorithm 2: TĈ = ψ(k) − (m − 1)/k + (m − 1)ψ(n) − ⟨Σᵥ ψ(nᵥ)⟩.
/// </summary>
/// <remarks>
/// <para>
/// Reference: Kraskov, Stögbauer &amp; Grassberger (2004), "Estimating mutual information", Phys. Rev. E 69, 066138,
/// the section on redundancies of m variables (the m-variable forms of algorithms 1 and 2); the measure is Watanabe's (1960). The counts nᵥ(i) are those of
/// <see cref="KsgAlgorithm"/> taken in the space of each variable: strictly within the joint maximum-norm k-th neighbour
/// distance (algorithm 1), or within the largest v-distance to the k joint neighbours, inclusive (algorithm 2). For
/// m = 2 this is <see cref="KsgMutualInformation"/> exactly.
/// </para>
/// <para>
/// Near independence the estimate scatters around 0 and can be negative; it is not clipped (see
/// <see cref="KsgMutualInformation"/>). Data preparation as there: <see cref="NearestNeighborEstimator.Scaling"/> (default
/// <see cref="SampleScaling.Standardize"/>) then <see cref="NearestNeighborEstimator.Ties"/> (default <see cref="TieHandling.Jitter"/>), on a copy.
/// </para>
/// <para>
/// Needs n ≥ k + 1 rows. Cost: one joint k-nearest-neighbour query and m range counts per sample; O(n d + min(n k, 2²⁴)) memory (neighbour lists are read in blocks, so n k may exceed an array).
/// Immutable and thread-safe; the result does not depend on <see cref="NearestNeighborEstimator.MaxDegreeOfParallelism"/>.
/// </para>
/// </remarks>
public sealed class KsgTotalCorrelation() : NearestNeighborEstimator(SampleScaling.Standardize, TieHandling.Jitter, normalScoresAllowed: true)
{
    /// <summary>The estimator variant (default <see cref="KsgAlgorithm.One"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined.</exception>
    public KsgAlgorithm Algorithm { get; init => field = KnnChecks.Algorithm(value); } = KsgAlgorithm.One;

    /// <summary>Estimates the total correlation of m ≥ 2 variables from samples paired by row.</summary>
    /// <param name="variables">The samples of each variable, at least two, all with the same number of rows.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="variables"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">
    /// Fewer than two variables, row counts that differ, or fewer than <see cref="NearestNeighborEstimator.K"/> + 1 rows.
    /// </exception>
    public Information Estimate(params IReadOnlyList<SampleMatrix> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Count < 2)
        {
            ThrowHelper.ArgumentException(nameof(variables), string.Create(CultureInfo.InvariantCulture,
                $"Total correlation needs at least two variables, got {variables.Count}."));
        }

        SampleMatrix[] list = new SampleMatrix[variables.Count];
        string[] names = new string[list.Length];
        for (int v = 0; v < list.Length; v++)
        {
            list[v] = variables[v];
            names[v] = string.Create(CultureInfo.InvariantCulture, $"variables[{v}]");
        }

        KnnChecks.Paired(list, names);
        KnnChecks.EnoughSamples(list[0].Rows, K, nameof(variables));
        SampleMatrix[] prepared = KnnSamples.Prepare(list, Scaling, Ties, Seed);
        return Information.FromNats(KsgCore.TotalCorrelation(prepared, K, Algorithm, SearchMethod, MaxDegreeOfParallelism));
    }

    /// <summary>Estimates the total correlation of the columns of <paramref name="samples"/>, each column one variable.</summary>
    /// <param name="samples">The samples, at least two columns and <see cref="NearestNeighborEstimator.K"/> + 1 rows.</param>
    /// <returns>The estimate in nats.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two columns, or fewer than <see cref="NearestNeighborEstimator.K"/> + 1 rows.</exception>
    public Information Estimate(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Columns < 2)
        {
            ThrowHelper.ArgumentException(nameof(samples), string.Create(CultureInfo.InvariantCulture,
                $"Total correlation of the columns needs at least two columns, got {samples.Columns}."));
        }

        KnnChecks.EnoughSamples(samples.Rows, K, nameof(samples));
        SampleMatrix[] columns = new SampleMatrix[samples.Columns];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = samples.SelectColumns(j);
        }

        return Estimate(columns);
    }
}
