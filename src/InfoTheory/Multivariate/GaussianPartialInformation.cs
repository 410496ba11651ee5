using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Multivariate.Internal;
using MathNet.Numerics.LinearAlgebra;

namespace InfoTheory.Multivariate;

/// <summary>The redundancy measures with a closed form for jointly Gaussian sources and target.</summary>
public enum GaussianRedundancy
{
    /// <summary>
    /// Minimum mutual information, R = min over the node's source sets of I(T; S_A). For a univariate target it equals
    /// the BROJA, I_min-style and I_dep-free measures' Gaussian values (Barrett 2015, Phys. Rev. E 91, 052802).
    /// </summary>
    MinimumMutualInformation,

    /// <summary>
    /// I_dep for Gaussians (Kay &amp; Ince 2018, "Exact partial information decompositions for Gaussian systems based on
    /// dependency constraints", Entropy 20, 240): two sources, R = max{0, CoI_q, CoI_p}, where q keeps the source-target
    /// covariances and makes the sources conditionally independent given the target (Σ_q(S₁, S₂) = Σ₁ₜ Σₜ⁻¹ Σₜ₂); for the
    /// Gaussian, the maximum-entropy fit to all pairwise covariances is p itself.
    /// </summary>
    Dependency,
}

/// <summary>
/// Partial information decomposition of jointly Gaussian sources (each one or more variables) and target: from a
/// covariance matrix, from samples (Gaussian or Gaussian copula), or from any mutual-information estimator for the
/// minimum-MI measure, so continuous data work with the k-NN and hybrid estimators.
/// </summary>
public static class GaussianPartialInformation
{
    /// <summary>Decomposes from a covariance matrix.</summary>
    /// <param name="covariance">Symmetric positive-definite covariance of all variables.</param>
    /// <param name="sources">The sources, each a non-empty group of variable indices (2 to 5 sources; 2 for <see cref="GaussianRedundancy.Dependency"/>), disjoint.</param>
    /// <param name="target">The target's variable indices, disjoint from the sources.</param>
    /// <param name="measure">The redundancy measure.</param>
    /// <returns>Every atom and the total.</returns>
    /// <exception cref="ArgumentException">The covariance is not a valid covariance, or the groups are invalid.</exception>
    public static PartialInformationDecomposition Decompose(double[,] covariance, IReadOnlyList<int[]> sources, int[] target, GaussianRedundancy measure = GaussianRedundancy.MinimumMutualInformation) => Decompose(covariance, sources, target, measure, nameof(covariance));

    /// <summary>Decomposes from samples: one variable per column.</summary>
    /// <param name="samples">The samples (finite; no constant column; more rows than columns).</param>
    /// <param name="sources">The sources, each a group of column indices.</param>
    /// <param name="target">The target's column indices.</param>
    /// <param name="measure">The redundancy measure.</param>
    /// <param name="copula">Use the normal scores of each column (Gaussian copula; default true).</param>
    /// <returns>Every atom and the total.</returns>
    public static PartialInformationDecomposition Decompose(SampleMatrix samples, IReadOnlyList<int[]> sources, int[] target, GaussianRedundancy measure = GaussianRedundancy.MinimumMutualInformation, bool copula = true)
    {
        ArgumentNullException.ThrowIfNull(samples);
        GaussianModel.CheckShapes([samples], [nameof(samples)]);
        double[] r = CorrelationColumns.From(samples, copula, nameof(samples)).Matrix(new ParallelOptions());
        int p = samples.Columns;
        double[,] c = new double[p, p];
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                c[a, b] = r[(a * p) + b];
            }
        }

        return Decompose(c, sources, target, measure, nameof(samples));
    }

    /// <summary>
    /// The minimum-MI decomposition with any mutual-information estimator: I(T; S_A) is estimated for every non-empty
    /// set A of sources (2ᵏ − 1 estimates), and each node's redundancy is the least over its sets.
    /// </summary>
    /// <param name="estimator">The MI estimator (e.g. the hybrid or KSG).</param>
    /// <param name="sources">The samples of each source (2 to 5), rows paired with the target.</param>
    /// <param name="target">The samples of the target.</param>
    /// <returns>Every atom and the estimated total. Estimation error can make atoms negative.</returns>
    public static PartialInformationDecomposition MinimumMutualInformation(IMultivariateMutualInformationEstimator estimator, IReadOnlyList<SampleMatrix> sources, SampleMatrix target)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(target);
        CheckCount(sources.Count, RedundancyLattice.MaxSources, nameof(sources), "MMI");
        for (int i = 0; i < sources.Count; i++)
        {
            if (sources[i] is null)
            {
                throw new ArgumentNullException(nameof(sources));
            }

            if (sources[i].Rows != target.Rows)
            {
                ThrowHelper.ArgumentException(nameof(sources), string.Create(CultureInfo.InvariantCulture,
                    $"sources[{i}] has {sources[i].Rows} rows but target has {target.Rows}; rows must be paired."));
            }
        }

        int k = sources.Count;
        double[] mi = new double[1 << k];
        for (int set = 1; set < mi.Length; set++)
        {
            SampleMatrix[] members = [.. PidProblem.Members(set).Select(i => sources[i])];
            mi[set] = estimator.Estimate(members.Length == 1 ? members[0] : SampleMatrix.ConcatenateColumns(members), target).Nats;
        }

        return FromMutualInformation(mi, k, "MMI");
    }

    private static PartialInformationDecomposition Decompose(double[,] covariance, IReadOnlyList<int[]> sources, int[] target, GaussianRedundancy measure, string paramName)
    {
        var model = GaussianModel.FromCovariance(covariance, paramName);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(target);
        if (!Enum.IsDefined(measure))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(measure), measure, "measure is not a defined GaussianRedundancy.");
        }

        int p = covariance.GetLength(0);
        CheckCount(sources.Count, measure == GaussianRedundancy.Dependency ? 2 : RedundancyLattice.MaxSources, nameof(sources), measure.ToString());
        var used = new HashSet<int>();
        foreach ((int[]? group, string name) in sources.Select(s => (s, nameof(sources))).Append((target, nameof(target))))
        {
            if (group is null || group.Length == 0)
            {
                ThrowHelper.ArgumentException(name, $"Every group of {name} must name at least one variable.");
            }

            foreach (int v in group)
            {
                if ((uint)v >= (uint)p || !used.Add(v))
                {
                    ThrowHelper.ArgumentException(name, string.Create(CultureInfo.InvariantCulture,
                        $"Variable {v} in {name} is out of range [0, {p}) or is used twice."));
                }
            }
        }

        int k = sources.Count;
        double[] mi = new double[1 << k];
        for (int set = 1; set < mi.Length; set++)
        {
            int[] a = [.. PidProblem.Members(set).SelectMany(i => sources[i])];
            mi[set] = MutualInformation(model, a, target, paramName);
        }

        if (measure == GaussianRedundancy.MinimumMutualInformation)
        {
            return FromMutualInformation(mi, k, "MMI");
        }

        // I_dep: CoI_p = I(S1;T) + I(S2;T) − I(S1S2;T); CoI_q likewise under q = p with the S1-S2 block replaced.
        double coP = mi[1] + mi[2] - mi[3];
        double[,] q = (double[,])covariance.Clone();
        Matrix<double> sigma = Matrix<double>.Build.DenseOfArray(covariance);
        Matrix<double> st1 = Block(sigma, sources[0], target), st2 = Block(sigma, sources[1], target);
        Matrix<double> tInverse = Block(sigma, target, target).Inverse();
        Matrix<double> cross = st1 * tInverse * st2.Transpose();
        for (int i = 0; i < sources[0].Length; i++)
        {
            for (int j = 0; j < sources[1].Length; j++)
            {
                q[sources[0][i], sources[1][j]] = cross[i, j];
                q[sources[1][j], sources[0][i]] = cross[i, j];
            }
        }

        var qModel = GaussianModel.FromCovariance(q, paramName);
        double coQ = mi[1] + mi[2] - MutualInformation(qModel, [.. sources[0], .. sources[1]], target, paramName);
        double redundancy = Math.Max(0, Math.Max(coP, coQ));
        var lattice = RedundancyLattice.Of(2);
        double[] values = new double[lattice.Count];
        for (int i = 0; i < values.Length; i++)
        {
            ReadOnlySpan<int> node = lattice.Node(i);
            values[i] = node.Length == 1 ? mi[node[0]] : redundancy;
        }

        return new PartialInformationDecomposition("Idep", lattice, values, lattice.Atoms(values), mi[3], null, 0);
    }

    private static Matrix<double> Block(Matrix<double> sigma, int[] rows, int[] columns) =>
        Matrix<double>.Build.Dense(rows.Length, columns.Length, (i, j) => sigma[rows[i], columns[j]]);

    private static double MutualInformation(GaussianModel model, int[] a, int[] t, string paramName)
    {
        double value = GaussianFormulas.MutualInformation(model, a, t, paramName, "the sources", paramName, "the target").Nats;
        if (double.IsPositiveInfinity(value))
        {
            ThrowHelper.ArgumentException(paramName, "The sources determine the target exactly (singular joint covariance): every measure is infinite.");
        }

        return value;
    }

    private static PartialInformationDecomposition FromMutualInformation(double[] mi, int k, string name)
    {
        var lattice = RedundancyLattice.Of(k);
        double[] values = new double[lattice.Count];
        for (int i = 0; i < values.Length; i++)
        {
            double min = double.PositiveInfinity;
            foreach (int set in lattice.Node(i))
            {
                min = Math.Min(min, mi[set]);
            }

            values[i] = min;
        }

        return new PartialInformationDecomposition(name, lattice, values, lattice.Atoms(values), mi[(1 << k) - 1], null, 0);
    }

    private static void CheckCount(int count, int max, string paramName, string measure)
    {
        if (count < 2 || count > max)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture, $"{measure} decomposes 2 to {max} sources; got {count}."));
        }
    }
}
