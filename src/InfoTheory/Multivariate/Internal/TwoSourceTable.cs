namespace InfoTheory.Multivariate.Internal;

/// <summary>
/// The joint of two sources and a target as a dense table p[a, b, t] over the observed symbols of each (codes from
/// <see cref="Projection.Codes"/>), with the marginals and maximum-entropy fits that CCS and I_dep are built from.
/// Sizes are the numbers of observed symbols, not the declared alphabets.
/// </summary>
internal sealed class TwoSourceTable
{
    /// <summary>Iterative proportional fitting stops when every pairwise marginal is matched to this (absolute, per cell).</summary>
    private const double FitTolerance = 1e-15;

    /// <summary>Sweeps of iterative proportional fitting before it stops unconverged (reported, not thrown).</summary>
    private const int MaxSweeps = 100_000;

    public TwoSourceTable(PidProblem problem)
    {
        DiscreteDistribution d = problem.Distribution;
        (int[] a, A) = Projection.Codes(d, [0]);
        (int[] b, B) = Projection.Codes(d, [1]);
        (int[] t, T) = Projection.Codes(d, [problem.Target]);
        InfoTheory.Internal.MemoryBudget.Require((long)A * B * T, sizeof(double), "distribution",
            $"The dense table of {A} × {B} × {T} observed source and target symbols", "Coarsen the alphabets, or use a measure that works on the sparse distribution (MMI, Imin, Isx).");
        P = new double[A * B * T];
        for (int o = 0; o < d.OutcomeCount; o++)
        {
            P[Index(a[o], b[o], t[o])] += d.Probabilities[o];
        }
    }

    public int A { get; }

    public int B { get; }

    public int T { get; }

    public double[] P { get; }

    public int Index(int a, int b, int t) => (((a * B) + b) * T) + t;

    /// <summary>The marginals p(a, t), p(b, t), p(a, b) of a table q.</summary>
    public (double[] At, double[] Bt, double[] Ab) Pairs(double[] q)
    {
        double[] at = new double[A * T], bt = new double[B * T], ab = new double[A * B];
        for (int a = 0; a < A; a++)
        {
            for (int b = 0; b < B; b++)
            {
                for (int t = 0; t < T; t++)
                {
                    double v = q[Index(a, b, t)];
                    at[(a * T) + t] += v;
                    bt[(b * T) + t] += v;
                    ab[(a * B) + b] += v;
                }
            }
        }

        return (at, bt, ab);
    }

    /// <summary>q(a, b, t) = p(t) p(a | t) p(b | t): the maximum-entropy joint with the source-target pairs of p.</summary>
    public double[] ConditionallyIndependent()
    {
        (double[] at, double[] bt, _) = Pairs(P);
        double[] pt = new double[T];
        for (int a = 0; a < A; a++)
        {
            for (int t = 0; t < T; t++)
            {
                pt[t] += at[(a * T) + t];
            }
        }

        double[] q = new double[P.Length];
        for (int a = 0; a < A; a++)
        {
            for (int b = 0; b < B; b++)
            {
                for (int t = 0; t < T; t++)
                {
                    q[Index(a, b, t)] = pt[t] > 0 ? at[(a * T) + t] * bt[(b * T) + t] / pt[t] : 0;
                }
            }
        }

        return q;
    }

    /// <summary>
    /// The maximum-entropy joint with all three pairwise marginals of p, by iterative proportional fitting from the
    /// uniform table (Csiszár 1975): each sweep rescales to p(a, t), then p(b, t), then p(a, b). Cells that a pairwise
    /// marginal forbids become 0 in the first sweep. Returns the fit and the number of sweeps.
    /// </summary>
    public (double[] Q, int Sweeps) PairwiseMaximumEntropy()
    {
        (double[] at, double[] bt, double[] ab) = Pairs(P);
        double[] q = new double[P.Length];
        Array.Fill(q, 1.0 / q.Length);
        int sweep = 0;
        while (sweep < MaxSweeps)
        {
            sweep++;
            (double[] qat, _, _) = Pairs(q);
            Scale(q, qat, at, (a, b, t) => (a * T) + t);
            (_, double[] qbt, _) = Pairs(q);
            Scale(q, qbt, bt, (a, b, t) => (b * T) + t);
            (_, _, double[] qab) = Pairs(q);
            Scale(q, qab, ab, (a, b, t) => (a * B) + b);

            // After the last step p(a, b) holds exactly; the other two measure the distance from the fit.
            (double[] fat, double[] fbt, _) = Pairs(q);
            if (MaxDifference(fat, at) <= FitTolerance && MaxDifference(fbt, bt) <= FitTolerance)
            {
                break;
            }
        }

        return (q, sweep);
    }

    /// <summary>I(A, B; T) of a table q, in nats.</summary>
    public double MutualInformation(double[] q)
    {
        (double[] at, _, double[] ab) = Pairs(q);
        double[] pt = new double[T];
        for (int a = 0; a < A; a++)
        {
            for (int t = 0; t < T; t++)
            {
                pt[t] += at[(a * T) + t];
            }
        }

        double sum = 0;
        for (int a = 0; a < A; a++)
        {
            for (int b = 0; b < B; b++)
            {
                for (int t = 0; t < T; t++)
                {
                    double v = q[Index(a, b, t)];
                    if (v > 0)
                    {
                        sum += v * Math.Log(v / (ab[(a * B) + b] * pt[t]));
                    }
                }
            }
        }

        return sum;
    }

    private void Scale(double[] q, double[] current, double[] wanted, Func<int, int, int, int> cell)
    {
        for (int a = 0; a < A; a++)
        {
            for (int b = 0; b < B; b++)
            {
                for (int t = 0; t < T; t++)
                {
                    int c = cell(a, b, t);
                    int i = Index(a, b, t);
                    q[i] = current[c] > 0 ? q[i] * (wanted[c] / current[c]) : 0;
                }
            }
        }
    }

    private static double MaxDifference(double[] x, double[] y)
    {
        double max = 0;
        for (int i = 0; i < x.Length; i++)
        {
            max = Math.Max(max, Math.Abs(x[i] - y[i]));
        }

        return max;
    }
}
