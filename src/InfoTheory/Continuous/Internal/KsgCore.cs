using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Continuous.Internal;

/// <summary>
/// The Kraskov-Stögbauer-Grassberger construction for m ≥ 2 variables (Kraskov, Stögbauer &amp; Grassberger 2004,
/// "Estimating mutual information", Phys. Rev. E 69, 066138, eqs. 8, 9 and their m-variable forms): mutual information
/// is the case m = 2. Samples arrive prepared (scaled, jittered); all distances are maximum-norm.
/// </summary>
internal static class KsgCore
{
    /// <summary>
    /// Algorithm 1: ψ(k) + (m − 1)ψ(n) − ⟨Σᵥ ψ(nᵥ + 1)⟩, nᵥ(i) the points strictly within the joint k-th neighbour
    /// distance in the space of variable v. Algorithm 2: ψ(k) − (m − 1)/k + (m − 1)ψ(n) − ⟨Σᵥ ψ(nᵥ)⟩, nᵥ(i) the
    /// points within (inclusive) the largest v-distance to the k joint neighbours. In nats.
    /// </summary>
    /// <remarks>
    /// Each variable's digamma sum is added in index order and the variables' sums are then added in the order given;
    /// for m = 2 that last addition is commutative, so I(X;Y) and I(Y;X) are the same bits.
    /// </remarks>
    public static double TotalCorrelation(ReadOnlySpan<SampleMatrix> variables, int k, KsgAlgorithm algorithm, NeighborSearchMethod method, int maxDegreeOfParallelism,
        long blockEntries = NeighborStatistics.DefaultBlockEntries)
    {
        int m = variables.Length;
        int n = variables[0].Rows;
        SampleMatrix joint = SampleMatrix.ConcatenateColumns(variables);
        var psi = new DigammaTable(n);
        double counted = 0;
        if (algorithm == KsgAlgorithm.One)
        {
            double[] radii = NeighborStatistics.KthDistances(joint, NeighborMetric.Maximum, k, method, maxDegreeOfParallelism, blockEntries);
            foreach (SampleMatrix variable in variables)
            {
                int[] counts = NeighborStatistics.CountWithin(variable, NeighborMetric.Maximum, radii, inclusive: false, method, maxDegreeOfParallelism);
                counted += psi.Sum(counts, 1);
            }

            return psi[k] + ((m - 1) * psi[n]) - (counted / n);
        }

        foreach (int[] counts in AlgorithmTwoCounts(joint, variables, k, method, maxDegreeOfParallelism, blockEntries))
        {
            counted += psi.Sum(counts, 0);
        }

        return psi[k] - ((m - 1.0) / k) + ((m - 1) * psi[n]) - (counted / n);
    }

    /// <summary>
    /// Algorithm 2's marginal counts: per variable, the points within (inclusive) the largest marginal distance to the
    /// point's k joint neighbours. The radii need the neighbours themselves; they are read block by block, so memory
    /// stays O(m·n).
    /// </summary>
    private static int[][] AlgorithmTwoCounts(SampleMatrix joint, ReadOnlySpan<SampleMatrix> variables, int k, NeighborSearchMethod method, int maxDegreeOfParallelism, long blockEntries)
    {
        int m = variables.Length, n = joint.Rows;
        double[][] marginalRadii = new double[m][];
        for (int v = 0; v < m; v++)
        {
            marginalRadii[v] = new double[n];
        }

        SampleMatrix[] list = variables.ToArray();
        NeighborStatistics.ForEachNeighborBlock(joint, NeighborMetric.Maximum, k, method, maxDegreeOfParallelism, (start, count, neighbors, _) =>
        {
            for (int v = 0; v < m; v++)
            {
                NeighborStatistics.MarginalRadii(list[v], NeighborMetric.Maximum, start, count, neighbors, k, marginalRadii[v], maxDegreeOfParallelism);
            }
        }, blockEntries);

        int[][] counts = new int[m][];
        for (int v = 0; v < m; v++)
        {
            counts[v] = NeighborStatistics.CountWithin(list[v], NeighborMetric.Maximum, marginalRadii[v], inclusive: true, method, maxDegreeOfParallelism);
        }

        return counts;
    }

    /// <summary>
    /// The per-sample terms of <see cref="TotalCorrelation"/>, whose mean is the estimate: for algorithm 1
    /// ψ(k) + (m − 1)ψ(n) − Σᵥ ψ(nᵥ(i) + 1), for algorithm 2 ψ(k) − (m − 1)/k + (m − 1)ψ(n) − Σᵥ ψ(nᵥ(i)). In nats.
    /// </summary>
    public static double[] LocalValues(ReadOnlySpan<SampleMatrix> variables, int k, KsgAlgorithm algorithm, NeighborSearchMethod method, int maxDegreeOfParallelism)
    {
        int m = variables.Length;
        int n = variables[0].Rows;
        SampleMatrix joint = SampleMatrix.ConcatenateColumns(variables);
        var psi = new DigammaTable(n);
        int[][] counts = new int[m][];
        int offset;
        double constant;
        if (algorithm == KsgAlgorithm.One)
        {
            double[] radii = NeighborStatistics.KthDistances(joint, NeighborMetric.Maximum, k, method, maxDegreeOfParallelism);
            for (int v = 0; v < m; v++)
            {
                counts[v] = NeighborStatistics.CountWithin(variables[v], NeighborMetric.Maximum, radii, inclusive: false, method, maxDegreeOfParallelism);
            }

            offset = 1;
            constant = psi[k] + ((m - 1) * psi[n]);
        }
        else
        {
            counts = AlgorithmTwoCounts(joint, variables, k, method, maxDegreeOfParallelism, NeighborStatistics.DefaultBlockEntries);

            offset = 0;
            constant = psi[k] - ((m - 1.0) / k) + ((m - 1) * psi[n]);
        }

        double[] local = new double[n];
        for (int i = 0; i < n; i++)
        {
            double counted = 0;
            for (int v = 0; v < m; v++)
            {
                counted += psi[counts[v][i] + offset];
            }

            local[i] = constant - counted;
        }

        return local;
    }
}
