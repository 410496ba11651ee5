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
    public static double TotalCorrelation(ReadOnlySpan<SampleMatrix> variables, int k, KsgAlgorithm algorithm, NeighborSearchMethod method, int maxDegreeOfParallelism)
    {
        int m = variables.Length;
        int n = variables[0].Rows;
        SampleMatrix joint = SampleMatrix.ConcatenateColumns(variables);
        (int[] neighbors, double[] distances) = NeighborStatistics.KNearest(joint, NeighborMetric.Maximum, k, method, maxDegreeOfParallelism);
        var psi = new DigammaTable(n);
        double counted = 0;
        if (algorithm == KsgAlgorithm.One)
        {
            double[] radii = new double[n];
            for (int i = 0; i < n; i++)
            {
                radii[i] = distances[(i * k) + k - 1];
            }

            foreach (SampleMatrix variable in variables)
            {
                int[] counts = NeighborStatistics.CountWithin(variable, NeighborMetric.Maximum, radii, inclusive: false, method, maxDegreeOfParallelism);
                counted += psi.Sum(counts, 1);
            }

            return psi[k] + ((m - 1) * psi[n]) - (counted / n);
        }

        foreach (SampleMatrix variable in variables)
        {
            double[] radii = NeighborStatistics.MarginalRadii(variable, NeighborMetric.Maximum, neighbors, k, maxDegreeOfParallelism);
            int[] counts = NeighborStatistics.CountWithin(variable, NeighborMetric.Maximum, radii, inclusive: true, method, maxDegreeOfParallelism);
            counted += psi.Sum(counts, 0);
        }

        return psi[k] - ((m - 1.0) / k) + ((m - 1) * psi[n]) - (counted / n);
    }
}
