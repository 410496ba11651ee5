using InfoTheory.Continuous;
using MathNet.Numerics;

namespace InfoTheory.Tests.Continuous;

/// <summary>
/// Independent O(n²) implementations of the published k-NN formulas, written from the papers with their own distance
/// loops and MathNet's digamma, to check the estimators (which go through the neighbour engine) to 1e-12.
/// Data are taken as given: no scaling, no jitter.
/// </summary>
internal static class KnnReference
{
    public static double Psi(double x) => SpecialFunctions.DiGamma(x);

    private static double[][] Rows(SampleMatrix m) => Enumerable.Range(0, m.Rows).Select(i => m.Row(i).ToArray()).ToArray();

    private static double Distance(double[] a, double[] b, NeighborMetric metric)
    {
        if (metric == NeighborMetric.Maximum)
        {
            double max = 0;
            for (int j = 0; j < a.Length; j++)
            {
                max = Math.Max(max, Math.Abs(a[j] - b[j]));
            }

            return max;
        }

        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Max-norm distance over several variables: the largest of the per-variable max-norm distances.</summary>
    private static double Joint(double[][][] vars, int i, int j) => vars.Max(v => Distance(v[i], v[j], NeighborMetric.Maximum));

    /// <summary>The other points sorted by (distance, index).</summary>
    private static int[] Sorted(int n, int i, Func<int, double> distance) =>
        Enumerable.Range(0, n).Where(j => j != i).OrderBy(distance).ThenBy(j => j).ToArray();

    private static double LogBall(int d, NeighborMetric metric) => metric == NeighborMetric.Maximum
        ? d * Math.Log(2)
        : (d / 2.0 * Math.Log(Math.PI)) - SpecialFunctions.GammaLn((d / 2.0) + 1);

    /// <summary>Kozachenko-Leonenko: ψ(n) − ψ(k) + ln c_d + (d/n) Σ ln εᵢ.</summary>
    public static double Entropy(SampleMatrix samples, int k, NeighborMetric metric)
    {
        double[][] x = Rows(samples);
        int n = x.Length, d = samples.Columns;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += Math.Log(Sorted(n, i, j => Distance(x[i], x[j], metric)).Select(j => Distance(x[i], x[j], metric)).ElementAt(k - 1));
        }

        return Psi(n) - Psi(k) + LogBall(d, metric) + (d * sum / n);
    }

    /// <summary>KSG for m variables, algorithm 1 or 2 (Kraskov et al. 2004).</summary>
    public static double Ksg(SampleMatrix[] variables, int k, KsgAlgorithm algorithm)
    {
        double[][][] v = variables.Select(Rows).ToArray();
        int n = variables[0].Rows, m = v.Length;
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            int[] neighbours = Sorted(n, i, j => Joint(v, i, j)).Take(k).ToArray();
            double eps = Joint(v, i, neighbours[k - 1]);
            foreach (double[][] var in v)
            {
                if (algorithm == KsgAlgorithm.One)
                {
                    int count = Enumerable.Range(0, n).Count(j => j != i && Distance(var[i], var[j], NeighborMetric.Maximum) < eps);
                    total += Psi(count + 1);
                }
                else
                {
                    double epsV = neighbours.Max(j => Distance(var[i], var[j], NeighborMetric.Maximum));
                    int count = Enumerable.Range(0, n).Count(j => j != i && Distance(var[i], var[j], NeighborMetric.Maximum) <= epsV);
                    total += Psi(count);
                }
            }
        }

        double correction = algorithm == KsgAlgorithm.One ? 0 : (m - 1.0) / k;
        return Psi(k) - correction + ((m - 1) * Psi(n)) - (total / n);
    }

    /// <summary>Frenzel-Pompe: ψ(k) − ⟨ψ(n_xz + 1) + ψ(n_yz + 1) − ψ(n_z + 1)⟩, strict counts within the joint radius.</summary>
    public static double ConditionalMutualInformation(SampleMatrix x, SampleMatrix y, SampleMatrix z, int k)
    {
        double[][][] all = [Rows(x), Rows(y), Rows(z)];
        double[][][] xz = [all[0], all[2]], yz = [all[1], all[2]], zOnly = [all[2]];
        int n = x.Rows;
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double eps = Sorted(n, i, j => Joint(all, i, j)).Select(j => Joint(all, i, j)).ElementAt(k - 1);
            int Count(double[][][] space) => Enumerable.Range(0, n).Count(j => j != i && Joint(space, i, j) < eps);
            total += Psi(Count(xz) + 1) + Psi(Count(yz) + 1) - Psi(Count(zOnly) + 1);
        }

        return Psi(k) - (total / n);
    }

    /// <summary>The per-sample Frenzel-Pompe terms ψ(k) − ψ(n_xz(i) + 1) − ψ(n_yz(i) + 1) + ψ(n_z(i) + 1).</summary>
    public static double[] LocalConditionalMutualInformation(SampleMatrix x, SampleMatrix y, SampleMatrix z, int k)
    {
        double[][][] all = [Rows(x), Rows(y), Rows(z)];
        double[][][] xz = [all[0], all[2]], yz = [all[1], all[2]], zOnly = [all[2]];
        int n = x.Rows;
        double[] local = new double[n];
        for (int i = 0; i < n; i++)
        {
            double eps = Sorted(n, i, j => Joint(all, i, j)).Select(j => Joint(all, i, j)).ElementAt(k - 1);
            int Count(double[][][] space) => Enumerable.Range(0, n).Count(j => j != i && Joint(space, i, j) < eps);
            local[i] = Psi(k) - Psi(Count(xz) + 1) - Psi(Count(yz) + 1) + Psi(Count(zOnly) + 1);
        }

        return local;
    }

    /// <summary>Wang, Kulkarni &amp; Verdú: (d/n) Σ ln(νₖ/ρₖ) + ln(m/(n − 1)).</summary>
    public static double Divergence(SampleMatrix p, SampleMatrix q, int k, NeighborMetric metric)
    {
        double[][] a = Rows(p), b = Rows(q);
        int n = a.Length, m = b.Length, d = p.Columns;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double rho = Enumerable.Range(0, n).Where(j => j != i).Select(j => Distance(a[i], a[j], metric)).Order().ElementAt(k - 1);
            double nu = b.Select(row => Distance(a[i], row, metric)).Order().ElementAt(k - 1);
            sum += Math.Log(nu / rho);
        }

        return (d * sum / n) + Math.Log((double)m / (n - 1));
    }

    /// <summary>Cross-entropy: ln m − ψ(k) + ln c_d + (d/n) Σ ln νₖ.</summary>
    public static double CrossEntropy(SampleMatrix p, SampleMatrix q, int k, NeighborMetric metric)
    {
        double[][] a = Rows(p), b = Rows(q);
        int n = a.Length, d = p.Columns;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += Math.Log(b.Select(row => Distance(a[i], row, metric)).Order().ElementAt(k - 1));
        }

        return Math.Log(b.Length) - Psi(k) + LogBall(d, metric) + (d * sum / n);
    }

    /// <summary>
    /// Ross (2014): ψ(n) − ⟨ψ(N_ℓ)⟩ + ⟨ψ(k_ℓ)⟩ − ⟨ψ(m)⟩, with k_ℓ = min(k, N_ℓ − 1) and labels seen once left out.
    /// </summary>
    public static double Ross(int[] labels, SampleMatrix samples, int k, NeighborMetric metric)
    {
        double[][] all = Rows(samples);
        int[] kept = Enumerable.Range(0, labels.Length).Where(i => labels.Count(l => l == labels[i]) >= 2).ToArray();
        int n = kept.Length;
        double total = 0;
        foreach (int i in kept)
        {
            int[] same = kept.Where(j => j != i && labels[j] == labels[i]).ToArray();
            int kl = Math.Min(k, same.Length);
            double radius = same.Select(j => Distance(all[i], all[j], metric)).Order().ElementAt(kl - 1);
            int m = kept.Count(j => j != i && Distance(all[i], all[j], metric) <= radius);
            total += -Psi(same.Length + 1) + Psi(kl) - Psi(m);
        }

        return Psi(n) + (total / n);
    }

    /// <summary>Gao, Kannan, Oh &amp; Viswanath (2017), Algorithm 1.</summary>
    public static double MixedKsg(SampleMatrix x, SampleMatrix y, int k)
    {
        double[][][] v = [Rows(x), Rows(y)];
        int n = x.Rows;
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double rho = Sorted(n, i, j => Joint(v, i, j)).Select(j => Joint(v, i, j)).ElementAt(k - 1);
            double kTilde = rho == 0 ? Enumerable.Range(0, n).Count(j => j != i && Joint(v, i, j) == 0) : k;
            int nx = Enumerable.Range(0, n).Count(j => j != i && Distance(v[0][i], v[0][j], NeighborMetric.Maximum) <= rho);
            int ny = Enumerable.Range(0, n).Count(j => j != i && Distance(v[1][i], v[1][j], NeighborMetric.Maximum) <= rho);
            total += Psi(kTilde) + Math.Log(n) - Math.Log(nx + 1) - Math.Log(ny + 1);
        }

        return total / n;
    }

    /// <summary>
    /// The released-code form of Gao et al.'s estimator written from its definition: counts include sample i; strict
    /// within ρᵢ when ρᵢ &gt; 0, at distance 0 (inclusive) when ρᵢ = 0; ψ of each count.
    /// </summary>
    public static double MixedKsgDigamma(SampleMatrix x, SampleMatrix y, int k)
    {
        double[][][] v = [Rows(x), Rows(y)];
        int n = x.Rows;
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double rho = Sorted(n, i, j => Joint(v, i, j)).Select(j => Joint(v, i, j)).ElementAt(k - 1);
            bool zero = rho == 0;
            double kTilde = zero ? Enumerable.Range(0, n).Count(j => Joint(v, i, j) == 0) : k;
            int nx = Enumerable.Range(0, n).Count(j => zero ? Distance(v[0][i], v[0][j], NeighborMetric.Maximum) == 0 : Distance(v[0][i], v[0][j], NeighborMetric.Maximum) < rho);
            int ny = Enumerable.Range(0, n).Count(j => zero ? Distance(v[1][i], v[1][j], NeighborMetric.Maximum) == 0 : Distance(v[1][i], v[1][j], NeighborMetric.Maximum) < rho);
            total += Psi(kTilde) + Math.Log(n) - Psi(nx) - Psi(ny);
        }

        return total / n;
    }
}
