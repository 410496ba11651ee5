using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Continuous.Internal;
using InfoTheory.Internal;

namespace InfoTheory.Multivariate;

/// <summary>Total correlation, dual total correlation, O- and S-information of one set of variables, estimated together.</summary>
/// <param name="TotalCorrelation">TC = Σ H(Xᵢ) − H.</param>
/// <param name="DualTotalCorrelation">DTC = Σ H(X₋ᵢ) − (m − 1) H.</param>
/// <param name="OInformation">Ω = TC − DTC.</param>
/// <param name="SInformation">Σ = TC + DTC.</param>
public sealed record MultivariateDependence(Information TotalCorrelation, Information DualTotalCorrelation, Information OInformation, Information SInformation);

/// <summary>
/// k-nearest-neighbour estimates of total correlation, dual total correlation, O- and S-information of m ≥ 3
/// continuous variables (any dimension each), with one consistent neighbourhood per sample (KSG algorithm 1).
/// </summary>
/// <remarks>
/// <para>
/// The radius εᵢ of each sample is its maximum-norm distance to its k-th neighbour in the joint space. Every entropy
/// term is the Kozachenko-Leonenko estimate at that same radius, as in Kraskov, Stögbauer &amp; Grassberger (2004), so
/// the log-volume terms cancel between the joint and each subspace: with nᵥ(i) and n₋ᵥ(i) the samples strictly within
/// εᵢ in the space of variable v and of all variables but v,
/// TĈ = ψ(k) + (m − 1)ψ(N) − Σᵥ⟨ψ(nᵥ + 1)⟩ (the m-variable KSG of <see cref="KsgTotalCorrelation"/>, the same bits),
/// DTĈ = (m − 1)ψ(k) + ψ(N) − Σᵥ⟨ψ(n₋ᵥ + 1)⟩, and
/// Ω̂ = (m − 2)(ψ(N) − ψ(k)) − Σᵥ⟨ψ(nᵥ + 1)⟩ + Σᵥ⟨ψ(n₋ᵥ + 1)⟩.
/// </para>
/// <para>
/// Data preparation as the other k-NN estimators (<see cref="NearestNeighborEstimator.Scaling"/>, default
/// <see cref="SampleScaling.Standardize"/>; <see cref="SampleScaling.NormalScores"/> gives a copula k-NN estimate), on a copy.
/// Cost: one joint k-nearest-neighbour query and 2m range counts per sample. Needs N ≥ k + 1 rows. The result does not
/// depend on <see cref="NearestNeighborEstimator.MaxDegreeOfParallelism"/>.
/// </para>
/// </remarks>
public sealed class KsgMultivariateInformation() : NearestNeighborEstimator(SampleScaling.Standardize, TieHandling.Jitter, normalScoresAllowed: true)
{
    /// <summary>Estimates the four measures of the variables, paired by row.</summary>
    /// <param name="variables">At least three variables with the same number of rows (≥ <see cref="NearestNeighborEstimator.K"/> + 1).</param>
    /// <returns>TC, DTC, Ω and Σ in one consistent set.</returns>
    /// <exception cref="ArgumentException">Fewer than three variables, row counts that differ, or too few rows.</exception>
    public MultivariateDependence Estimate(params IReadOnlyList<SampleMatrix> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Count < 3)
        {
            ThrowHelper.ArgumentException(nameof(variables), string.Create(CultureInfo.InvariantCulture,
                $"Multivariate measures need at least three variables (for two, use a mutual-information estimator); got {variables.Count}."));
        }

        SampleMatrix[] list = new SampleMatrix[variables.Count];
        string[] names = new string[list.Length];
        for (int v = 0; v < list.Length; v++)
        {
            list[v] = variables[v] ?? throw new ArgumentNullException(nameof(variables));
            names[v] = string.Create(CultureInfo.InvariantCulture, $"variables[{v}]");
        }

        KnnChecks.Paired(list, names);
        KnnChecks.EnoughSamples(list[0].Rows, K, nameof(variables));
        SampleMatrix[] prepared = KnnSamples.Prepare(list, Scaling, Ties, Seed);
        return Compute(prepared);
    }

    /// <summary>Estimates the four measures of the columns of <paramref name="samples"/>, each column one variable.</summary>
    /// <param name="samples">At least three columns and <see cref="NearestNeighborEstimator.K"/> + 1 rows.</param>
    /// <returns>TC, DTC, Ω and Σ.</returns>
    /// <exception cref="ArgumentException">Fewer than three columns or too few rows.</exception>
    public MultivariateDependence Estimate(SampleMatrix samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Columns < 3)
        {
            ThrowHelper.ArgumentException(nameof(samples), string.Create(CultureInfo.InvariantCulture,
                $"Multivariate measures of the columns need at least three columns, got {samples.Columns}."));
        }

        KnnChecks.EnoughSamples(samples.Rows, K, nameof(samples));
        SampleMatrix[] columns = new SampleMatrix[samples.Columns];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = samples.SelectColumns(j);
        }

        return Estimate(columns);
    }

    private MultivariateDependence Compute(SampleMatrix[] variables)
    {
        int m = variables.Length, n = variables[0].Rows, k = K;
        SampleMatrix joint = SampleMatrix.ConcatenateColumns(variables);
        double[] radii = NeighborStatistics.KthDistances(joint, NeighborMetric.Maximum, k, SearchMethod, MaxDegreeOfParallelism);
        var psi = new DigammaTable(n);

        // Each subspace's digamma sum in index order, then the subspaces in variable order: fixed, thread-independent.
        double single = 0, complement = 0;
        for (int v = 0; v < m; v++)
        {
            int[] counts = NeighborStatistics.CountWithin(variables[v], NeighborMetric.Maximum, radii, inclusive: false, SearchMethod, MaxDegreeOfParallelism);
            single += psi.Sum(counts, 1);
        }

        for (int v = 0; v < m; v++)
        {
            SampleMatrix rest = SampleMatrix.ConcatenateColumns([.. variables.Where((_, i) => i != v)]);
            int[] counts = NeighborStatistics.CountWithin(rest, NeighborMetric.Maximum, radii, inclusive: false, SearchMethod, MaxDegreeOfParallelism);
            complement += psi.Sum(counts, 1);
        }

        double total = psi[k] + ((m - 1) * psi[n]) - (single / n);
        double dual = ((m - 1) * psi[k]) + psi[n] - (complement / n);
        return new MultivariateDependence(Information.FromNats(total), Information.FromNats(dual), Information.FromNats(total - dual), Information.FromNats(total + dual));
    }
}
