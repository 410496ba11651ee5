namespace InfoTheory.Multivariate.Internal;

/// <summary>
/// The BROJA optimisation (Bertschinger, Rauh, Olbrich, Jost &amp; Ay 2014): over the joint distributions Q of
/// (S₁, S₂, T) with the (S₁, T) and (S₂, T) marginals of P, minimise I_Q(T; S₁S₂), i.e. minimise the convex
/// f(q) = Σ q ln q(t | s₁s₂) = −H_Q(T | S₁S₂).
/// </summary>
/// <remarks>
/// <para>
/// A primal log-barrier interior-point method: for an increasing weight τ, damped Newton steps minimise
/// τ·f(q) − Σ ln q over the affine set of the marginal constraints, from the strictly feasible product start
/// q(s₁,s₂,t) = P(s₁,t) P(s₂,t) / P(t). Only cells where both marginals are positive can carry mass; a pair (s₁, s₂)
/// contributes the block τ(diag(1/q) − 11ᵀ/m) + diag(1/q²) to the Hessian, inverted in closed form (Sherman-Morrison),
/// so each step solves one dense system in the constraint multipliers, of size about (|S₁| + |S₂|)|T|.
/// Keeping the primal cells as the variables lets them approach 0 without loss of precision (a dual parametrisation
/// loses the slack of a nearly active constraint to cancellation).
/// </para>
/// <para>
/// Certificate: at a centre, y = −ν/τ (ν the multipliers) satisfies the dual constraints
/// ln Σ_t exp(y(s₁,t) + y(s₂,t)) ≤ 0 of the exponential-cone dual (Makkeh, Theis &amp; Vicente 2018), whose value
/// Σ y·marginals is a lower bound on the optimum. The returned gap is f(q) − dual, with q fitted exactly onto the
/// marginals and y shifted into the dual feasible set if the Newton residual left a constraint violated: a bound on
/// f(q) − f* that does not rely on the solver having converged.
/// </para>
/// </remarks>
internal static class BrojaSolver
{
    public sealed record Result(double PrimalValue, double Gap, int Iterations);

    /// <summary>The barrier weight's factor per outer iteration (Boyd &amp; Vandenberghe 2004, §11.3: 10 to 100 work alike).</summary>
    private const double Growth = 100;

    /// <summary>Solves for p[s1, s2, t] (dense, n1 × n2 × nt, summing to 1) until the certified gap is below <paramref name="gapTarget"/> nats.</summary>
    public static Result Solve(double[] p, int n1, int n2, int nt, double gapTarget, int maxNewtonSteps)
    {
        var problem = new Problem(p, n1, n2, nt);
        return problem.Run(gapTarget, maxNewtonSteps);
    }

    private sealed class Problem
    {
        private readonly int _n1, _n2, _nt;
        private readonly double[] _a, _b;               // P(s1, t), P(s2, t)
        private readonly int[] _rowA, _rowB;            // constraint row of (s1, t) and (s2, t); −1: none
        private readonly int _rows;
        private readonly int[] _pairStart;              // cells of pair k: _pairStart[k] .. _pairStart[k + 1]
        private readonly int[] _cellS1, _cellS2, _cellT;
        private readonly double[] _q;

        public Problem(double[] p, int n1, int n2, int nt)
        {
            (_n1, _n2, _nt) = (n1, n2, nt);
            _a = new double[n1 * nt];
            _b = new double[n2 * nt];
            double[] pt = new double[nt];
            for (int i = 0; i < n1; i++)
            {
                for (int j = 0; j < n2; j++)
                {
                    for (int t = 0; t < nt; t++)
                    {
                        double v = p[(((i * n2) + j) * nt) + t];
                        _a[(i * nt) + t] += v;
                        _b[(j * nt) + t] += v;
                        pt[t] += v;
                    }
                }
            }

            // One constraint per positive marginal cell, less one (s2, t) per t: Σ_s1 P(s1,t) = Σ_s2 P(s2,t) makes it redundant.
            _rowA = new int[n1 * nt];
            _rowB = new int[n2 * nt];
            Array.Fill(_rowA, -1);
            Array.Fill(_rowB, -1);
            int rows = 0;
            for (int k = 0; k < _a.Length; k++)
            {
                if (_a[k] > 0)
                {
                    _rowA[k] = rows++;
                }
            }

            for (int t = 0; t < nt; t++)
            {
                bool first = true;
                for (int j = 0; j < n2; j++)
                {
                    if (_b[(j * nt) + t] > 0)
                    {
                        if (!first)
                        {
                            _rowB[(j * nt) + t] = rows++;
                        }

                        first = false;
                    }
                }
            }

            _rows = rows;
            var starts = new List<int> { 0 };
            var s1 = new List<int>();
            var s2 = new List<int>();
            var ts = new List<int>();
            var q = new List<double>();
            for (int i = 0; i < n1; i++)
            {
                for (int j = 0; j < n2; j++)
                {
                    for (int t = 0; t < nt; t++)
                    {
                        double ai = _a[(i * nt) + t], bj = _b[(j * nt) + t];
                        if (ai > 0 && bj > 0)
                        {
                            s1.Add(i);
                            s2.Add(j);
                            ts.Add(t);
                            q.Add(ai * bj / pt[t]);
                        }
                    }

                    if (q.Count > starts[^1])
                    {
                        starts.Add(q.Count);
                    }
                }
            }

            _pairStart = [.. starts];
            _cellS1 = [.. s1];
            _cellS2 = [.. s2];
            _cellT = [.. ts];
            _q = [.. q];
        }

        private int Pairs => _pairStart.Length - 1;

        public Result Run(double gapTarget, int maxSteps)
        {
            int cells = _q.Length;
            double tau = 1;
            int steps = 0;
            double[] gradient = new double[cells], inverseDiagonal = new double[cells], u = new double[cells];
            double[] kappa = new double[Pairs];
            double[] schur = new double[_rows * _rows], rhs = new double[_rows], nu = new double[_rows];
            double[] hg = new double[cells], step = new double[cells], z = new double[2 * Math.Max(_nt, 1)];
            int[] zRows = new int[2 * Math.Max(_nt, 1)];
            double[] multipliers = new double[_rows];
            Result? best = null;
            while (true)
            {
                // At an exact centre the duality gap is (cells)/τ; intermediate centres need only be rough (the path is
                // followed, not certified), the last one is centred to rounding for the certificate.
                bool last = cells / tau <= gapTarget / 2;
                double centred = last ? 1e-13 : 1e-3;
                for (int inner = 0; inner < 200 && steps < maxSteps; inner++, steps++)
                {
                    // The gradient is taken as g + Eᵀν with the current multipliers, whose row-space part (of order τ)
                    // they already cancel; the system then solves for the small correction δν, which keeps the step
                    // accurate at τ = 10¹² where g itself is of order τ and its projection of order 1.
                    Assemble(tau, multipliers, gradient, inverseDiagonal, u, kappa, schur, rhs, hg, z, zRows);
                    Cholesky.Solve(schur, rhs, nu, _rows);
                    for (int r = 0; r < _rows; r++)
                    {
                        multipliers[r] += nu[r];
                    }

                    // Δ = −H⁻¹(g + Eᵀν), block by block.
                    double decrement = 0;
                    for (int k = 0; k < Pairs; k++)
                    {
                        double dot = 0;
                        for (int c = _pairStart[k]; c < _pairStart[k + 1]; c++)
                        {
                            double r = gradient[c] + Transpose(nu, c);
                            step[c] = r;
                            dot += u[c] * r;
                        }

                        for (int c = _pairStart[k]; c < _pairStart[k + 1]; c++)
                        {
                            step[c] = -((inverseDiagonal[c] * step[c]) + (kappa[k] * u[c] * dot));
                            decrement -= gradient[c] * step[c];
                        }
                    }

                    if (decrement / 2 < centred)
                    {
                        break;
                    }

                    // Damped Newton with a fraction-to-boundary rule, then backtracking on an accurately formed change.
                    double alpha = 1;
                    for (int c = 0; c < cells; c++)
                    {
                        if (step[c] < 0)
                        {
                            alpha = Math.Min(alpha, -0.99 * _q[c] / step[c]);
                        }
                    }

                    for (int tries = 0; tries < 60 && Change(tau, step, alpha) > -1e-4 * alpha * decrement; tries++)
                    {
                        alpha /= 2;
                    }

                    for (int c = 0; c < cells; c++)
                    {
                        _q[c] += alpha * step[c];
                    }
                }

                if (last || steps >= maxSteps || tau > 1e18)
                {
                    Result certified = Certify(tau, multipliers);
                    if (best is null || certified.Gap < best.Gap)
                    {
                        best = certified with { Iterations = steps };
                    }

                    if (best.Gap < gapTarget || steps >= maxSteps || tau > 1e18)
                    {
                        return best;
                    }
                }

                tau *= Growth;
                for (int r = 0; r < _rows; r++)
                {
                    multipliers[r] *= Growth;
                }
            }
        }

        /// <summary>(Eᵀν) at cell c: the multipliers of its two constraints.</summary>
        private double Transpose(double[] nu, int c)
        {
            int ra = _rowA[(_cellS1[c] * _nt) + _cellT[c]], rb = _rowB[(_cellS2[c] * _nt) + _cellT[c]];
            return (ra >= 0 ? nu[ra] : 0) + (rb >= 0 ? nu[rb] : 0);
        }

        /// <summary>Gradient τ∇f − 1/q + Eᵀν, the block inverses, and the Schur system E H⁻¹ Eᵀ δν = −E H⁻¹ g.</summary>
        private void Assemble(double tau, double[] multipliers, double[] gradient, double[] inverseDiagonal, double[] u, double[] kappa, double[] schur, double[] rhs, double[] hg, double[] z, int[] zRows)
        {
            Array.Clear(schur);
            Array.Clear(rhs);
            int n = _rows;
            for (int k = 0; k < Pairs; k++)
            {
                int from = _pairStart[k], to = _pairStart[k + 1];
                double m = 0;
                for (int c = from; c < to; c++)
                {
                    m += _q[c];
                }

                double slack = 0, dot = 0;
                for (int c = from; c < to; c++)
                {
                    double q = _q[c];
                    gradient[c] = (tau * (Math.Log(q / m) + (Transpose(multipliers, c) / tau))) - (1 / q);
                    inverseDiagonal[c] = q * q / ((tau * q) + 1);
                    u[c] = inverseDiagonal[c];
                    slack += q / ((tau * q) + 1);
                    dot += u[c] * gradient[c];
                }

                // H_b = D − (τ/m) 11ᵀ: H_b⁻¹ = D⁻¹ + κ u uᵀ with u = D⁻¹1 and κ = (τ/m) / (1 − (τ/m) 1ᵀu). The denominator
                // equals (1/m) Σ q / (τq + 1) exactly; formed that way it keeps its digits when τq ≫ 1 (as 1 − … it cancels).
                kappa[k] = tau / slack;
                int used = 0;
                for (int c = from; c < to; c++)
                {
                    hg[c] = (inverseDiagonal[c] * gradient[c]) + (kappa[k] * u[c] * dot);
                    int ra = _rowA[(_cellS1[c] * _nt) + _cellT[c]], rb = _rowB[(_cellS2[c] * _nt) + _cellT[c]];
                    AddDiagonal(schur, n, ra, rb, inverseDiagonal[c]);
                    if (ra >= 0)
                    {
                        rhs[ra] -= hg[c];
                        zRows[used] = ra;
                        z[used++] = u[c];
                    }

                    if (rb >= 0)
                    {
                        rhs[rb] -= hg[c];
                        zRows[used] = rb;
                        z[used++] = u[c];
                    }
                }

                for (int i = 0; i < used; i++)
                {
                    for (int j = 0; j < used; j++)
                    {
                        schur[(zRows[i] * n) + zRows[j]] += kappa[k] * z[i] * z[j];
                    }
                }
            }
        }

        private static void AddDiagonal(double[] schur, int n, int ra, int rb, double value)
        {
            if (ra >= 0)
            {
                schur[(ra * n) + ra] += value;
            }

            if (rb >= 0)
            {
                schur[(rb * n) + rb] += value;
            }

            if (ra >= 0 && rb >= 0)
            {
                schur[(ra * n) + rb] += value;
                schur[(rb * n) + ra] += value;
            }
        }

        /// <summary>
        /// The change of τ·f(q) − Σ ln q from q to q + α·step, summed from per-cell differences with log1p so that it is
        /// accurate when τ·f is of order 10¹² and the change is small.
        /// </summary>
        private double Change(double tau, double[] step, double alpha)
        {
            double change = 0;
            for (int k = 0; k < Pairs; k++)
            {
                double m = 0, dm = 0;
                for (int c = _pairStart[k]; c < _pairStart[k + 1]; c++)
                {
                    double q = _q[c], d = alpha * step[c];
                    double ratio = d / q;
                    if (!(ratio > -1))
                    {
                        return double.PositiveInfinity;
                    }

                    // (q + d) ln(q + d) − q ln q = d ln(q + d) + q ln(1 + d/q); −ln(q + d) + ln q = −ln(1 + d/q).
                    change += (tau * ((d * Math.Log(q + d)) + (q * Math.Log(1 + ratio)))) - Math.Log(1 + ratio);
                    m += q;
                    dm += d;
                }

                // − [(m + dm) ln(m + dm) − m ln m]
                change -= tau * ((dm * Math.Log(m + dm)) + (m * Math.Log(1 + (dm / m))));
            }

            return change;
        }

        /// <summary>The certified gap at the current point: q fitted onto the marginals, y = −ν/τ shifted into the dual feasible set.</summary>
        private Result Certify(double tau, double[] nu)
        {
            double[] q = (double[])_q.Clone();
            Fit(q);
            double primal = 0;
            for (int k = 0; k < Pairs; k++)
            {
                double m = 0;
                for (int c = _pairStart[k]; c < _pairStart[k + 1]; c++)
                {
                    m += q[c];
                }

                for (int c = _pairStart[k]; c < _pairStart[k + 1]; c++)
                {
                    if (q[c] > 0)
                    {
                        primal += q[c] * Math.Log(q[c] / m);
                    }
                }
            }

            // Dual point y = −ν/τ; pinned (s2, t) rows have y = 0. Shift every y(s1, t) down by the largest violation.
            double dual = 0, violation = 0;
            for (int k = 0; k < _a.Length; k++)
            {
                if (_rowA[k] >= 0)
                {
                    dual -= nu[_rowA[k]] / tau * _a[k];
                }
            }

            for (int k = 0; k < _b.Length; k++)
            {
                if (_rowB[k] >= 0)
                {
                    dual -= nu[_rowB[k]] / tau * _b[k];
                }
            }

            for (int k = 0; k < Pairs; k++)
            {
                double max = double.NegativeInfinity;
                for (int c = _pairStart[k]; c < _pairStart[k + 1]; c++)
                {
                    max = Math.Max(max, -Transpose(nu, c) / tau);
                }

                double sum = 0;
                for (int c = _pairStart[k]; c < _pairStart[k + 1]; c++)
                {
                    sum += Math.Exp((-Transpose(nu, c) / tau) - max);
                }

                violation = Math.Max(violation, max + Math.Log(sum));
            }

            // Σ_t over every (s1, t) of P(s1, t) = 1, so lowering every y(s1, t) by v lowers the dual by v.
            dual -= violation;
            return new Result(primal, Math.Max(0, primal - dual), 0);
        }

        /// <summary>Iterative proportional fitting of each t-slice to its two marginals, to rounding.</summary>
        private void Fit(double[] q)
        {
            double[] sa = new double[_a.Length], sb = new double[_b.Length];
            for (int sweep = 0; sweep < 500; sweep++)
            {
                Array.Clear(sa);
                for (int c = 0; c < q.Length; c++)
                {
                    sa[(_cellS1[c] * _nt) + _cellT[c]] += q[c];
                }

                double worst = 0;
                for (int c = 0; c < q.Length; c++)
                {
                    int k = (_cellS1[c] * _nt) + _cellT[c];
                    q[c] *= _a[k] / sa[k];
                }

                Array.Clear(sb);
                for (int c = 0; c < q.Length; c++)
                {
                    sb[(_cellS2[c] * _nt) + _cellT[c]] += q[c];
                }

                for (int k = 0; k < _b.Length; k++)
                {
                    worst = Math.Max(worst, Math.Abs(sb[k] - _b[k]));
                }

                for (int c = 0; c < q.Length; c++)
                {
                    int k = (_cellS2[c] * _nt) + _cellT[c];
                    q[c] *= _b[k] / sb[k];
                }

                if (worst < 1e-16)
                {
                    return;
                }
            }
        }
    }
}
