using InfoTheory.Multivariate.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// The redundancy I_ccs of Ince (2017), "Measuring multivariate redundant information with pointwise common change in
/// surprisal" (Entropy 19, 318), for two sources: the expectation, under the maximum-entropy distribution p̂ that keeps
/// the pairwise marginals p(s₁, t), p(s₂, t) and p(s₁, s₂), of the local co-information
/// c = i(s₁; t) + i(s₂; t) − i(s₁s₂; t), counted only where c and the three local informations have one sign.
/// </summary>
/// <remarks>
/// Atoms may be negative (misinformation). p̂ is fitted by iterative proportional fitting to 1e-15 per marginal cell;
/// <see cref="RedundancyValues.Iterations"/> reports the sweeps. The table is dense over the observed symbols of the
/// two sources and the target.
/// </remarks>
public sealed class CommonChangeRedundancy : RedundancyMeasure
{
    /// <inheritdoc />
    public override string Name => "CCS";

    /// <inheritdoc />
    public override int MaxSources => 2;

    /// <inheritdoc />
    public override RedundancyValues Evaluate(PidProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var table = new TwoSourceTable(problem);
        (double[] q, int sweeps) = table.PairwiseMaximumEntropy();
        (double[] at, double[] bt, double[] ab) = table.Pairs(q);
        double[] pa = new double[table.A], pb = new double[table.B], pt = new double[table.T];
        for (int a = 0; a < table.A; a++)
        {
            for (int t = 0; t < table.T; t++)
            {
                pa[a] += at[(a * table.T) + t];
                pt[t] += at[(a * table.T) + t];
            }
        }

        for (int b = 0; b < table.B; b++)
        {
            for (int t = 0; t < table.T; t++)
            {
                pb[b] += bt[(b * table.T) + t];
            }
        }

        double redundancy = 0;
        for (int a = 0; a < table.A; a++)
        {
            for (int b = 0; b < table.B; b++)
            {
                for (int t = 0; t < table.T; t++)
                {
                    double v = q[table.Index(a, b, t)];
                    if (!(v > 0))
                    {
                        continue;
                    }

                    double i1 = Math.Log(at[(a * table.T) + t] / (pa[a] * pt[t]));
                    double i2 = Math.Log(bt[(b * table.T) + t] / (pb[b] * pt[t]));
                    double i12 = Math.Log(v / (ab[(a * table.B) + b] * pt[t]));
                    double c = i1 + i2 - i12;
                    if (Math.Sign(i1) == Math.Sign(i2) && Math.Sign(i1) == Math.Sign(i12) && Math.Sign(i1) == Math.Sign(c))
                    {
                        redundancy += v * c;
                    }
                }
            }
        }

        return new RedundancyValues(problem.WithBottom(redundancy), null, sweeps);
    }
}
