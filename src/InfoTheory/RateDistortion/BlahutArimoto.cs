using System.Globalization;
using InfoTheory.Internal;
using InfoTheory.Primitives;

namespace InfoTheory.RateDistortion;

/// <summary>
/// The Blahut-Arimoto algorithms (Blahut 1972; Arimoto 1972): the rate-distortion function of a
/// discrete source and the capacity of a discrete memoryless channel, each with the classical
/// upper and lower bounds as the stopping rule.
/// </summary>
/// <remarks>
/// <para>
/// <b>Rate-distortion at slope β.</b> From an output marginal q(x̂), the test channel is
/// Q(x̂|x) = q(x̂) e^{−β d(x,x̂)} / Z(x) with Z(x) = Σ_x̂ q(x̂) e^{−β d(x,x̂)} (row-wise log-sum-exp, vectorised),
/// and q is replaced by Σₓ p(x) Q(x̂|x). Every iterate gives an upper bound R(D) ≤ I(p, Q) at its own
/// distortion D and the dual lower bound R(D) ≥ −βD − Σₓ p(x) ln Z(x) − max_x̂ ln c(x̂), with
/// c(x̂) = Σₓ p(x) e^{−β d(x,x̂)} / Z(x) (Blahut 1972, Theorem 6; Cover &amp; Thomas 2006, §10.8).
/// Iteration stops when the gap is below <see cref="Tolerance"/>.
/// </para>
/// <para>
/// <b>Capacity.</b> From an input r(x), with q(y) = Σₓ r(x) W(y|x) and Dₓ = KL(W(·|x) ‖ q):
/// ln Σₓ r(x) e^{Dₓ} ≤ C ≤ maxₓ Dₓ, and r(x) ← r(x) e^{Dₓ} / Σ r e^{D}.
/// </para>
/// <para>Immutable and thread-safe. Work per iteration O(|X|·|X̂|); all results in nats inside <see cref="Information"/>.</para>
/// </remarks>
public sealed class BlahutArimoto : IRateDistortionSolver
{
    /// <summary>The largest duality gap, in nats, accepted as converged (default 1e-10; finite and ≥ 0, where 0 asks for an exact fixed point).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or NaN.</exception>
    public double Tolerance
    {
        get;
        init => field = Settings.Tolerance(value, nameof(Tolerance), zeroAllowed: true);
    } = 1e-10;

    /// <summary>The most iterations per solve (default 100 000; at least 1, since no bound exists before the first iteration).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxIterations
    {
        get;
        init => field = Settings.AtLeast(value, 1, nameof(MaxIterations));
    } = 100_000;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="distortion"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not a pmf, or its length is not the number of rows of <paramref name="distortion"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is negative, infinite or NaN.</exception>
    public RateDistortionResult Solve(ReadOnlySpan<double> source, DistortionMatrix distortion, double beta)
    {
        CheckSource(source, distortion);
        if (!(beta >= 0) || double.IsPositiveInfinity(beta))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(beta), beta, $"beta must be finite and ≥ 0, got {beta}.");
        }

        return SolveCore(source, distortion, beta, null);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="distortion"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not a pmf, or its length is not the number of rows of <paramref name="distortion"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="targetDistortion"/> is NaN or below D_min.</exception>
    /// <remarks>
    /// D(β) decreases with β, so β is bracketed by doubling and halving and then bisected on ln β, each
    /// solve warm-started from the previous output marginal. A target at or above
    /// D_max = min_x̂ Σₓ p(x) d(x, x̂) gives the zero-rate point. Targets within 1e-9 of D_min need β → ∞
    /// and stop at β = 2⁴⁰ with <see cref="RateDistortionResult.Converged"/> reporting the inner solve.
    /// </remarks>
    public RateDistortionResult SolveForDistortion(ReadOnlySpan<double> source, DistortionMatrix distortion, double targetDistortion)
    {
        CheckSource(source, distortion);
        (double dMin, double dMax) = DistortionRange(source, distortion);
        if (!(targetDistortion >= dMin - (1e-12 * (1 + dMin))))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(targetDistortion), targetDistortion, string.Create(CultureInfo.InvariantCulture,
                $"targetDistortion must be at least D_min = {dMin:G6}, the smallest distortion any code achieves; got {targetDistortion}."));
        }

        if (targetDistortion >= dMax)
        {
            return SolveCore(source, distortion, 0, null);
        }

        double lo = 1, hi = 1;
        RateDistortionResult at = SolveCore(source, distortion, 1, null);
        double[] warm = at.OutputMarginal.ToArray();
        if (at.Distortion > targetDistortion)
        {
            while (at.Distortion > targetDistortion && hi < 1099511627776.0)
            {
                lo = hi;
                hi *= 2;
                at = SolveCore(source, distortion, hi, warm);
                warm = at.OutputMarginal.ToArray();
            }

            if (at.Distortion > targetDistortion)
            {
                return at;
            }
        }
        else
        {
            while (at.Distortion < targetDistortion && lo > 1e-12)
            {
                hi = lo;
                lo /= 2;
                at = SolveCore(source, distortion, lo, warm);
                warm = at.OutputMarginal.ToArray();
            }
        }

        RateDistortionResult best = at;
        for (int step = 0; step < 200; step++)
        {
            double mid = Math.Sqrt(lo * hi);
            best = SolveCore(source, distortion, mid, warm);
            warm = best.OutputMarginal.ToArray();
            if (Math.Abs(best.Distortion - targetDistortion) <= 1e-10 * (1 + targetDistortion) || hi / lo < 1 + 1e-15)
            {
                break;
            }

            if (best.Distortion > targetDistortion)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return best;
    }

    /// <summary>
    /// Points along R(D) for each β, solved in the given order with each solve warm-started from the
    /// previous one (continuation): pass increasing β to trace the curve from D_max toward D_min.
    /// </summary>
    /// <param name="source">The source pmf p(x).</param>
    /// <param name="distortion">The distortion measure.</param>
    /// <param name="betas">The slopes, each finite and ≥ 0.</param>
    /// <returns>One result per β, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distortion"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="source"/> is not a pmf or does not match <paramref name="distortion"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A β is negative, infinite or NaN.</exception>
    public IReadOnlyList<RateDistortionResult> Curve(ReadOnlySpan<double> source, DistortionMatrix distortion, ReadOnlySpan<double> betas)
    {
        CheckSource(source, distortion);
        foreach (double beta in betas)
        {
            if (!(beta >= 0) || double.IsPositiveInfinity(beta))
            {
                ThrowHelper.ArgumentOutOfRange(nameof(betas), beta, $"Every beta must be finite and ≥ 0, got {beta}.");
            }
        }

        var points = new List<RateDistortionResult>(betas.Length);
        double[]? warm = null;
        foreach (double beta in betas)
        {
            RateDistortionResult point = SolveCore(source, distortion, beta, warm);
            points.Add(point);
            warm = beta == 0 ? null : point.OutputMarginal.ToArray();
        }

        return points;
    }

    /// <summary>
    /// The capacity C = max_r I(X;Y) of a discrete memoryless channel W(y|x), given row by row.
    /// </summary>
    /// <param name="channel">The transition matrix, row-major [|X| × |Y|]; each row a pmf over outputs.</param>
    /// <param name="outputs">|Y|, the row length.</param>
    /// <returns>The capacity with its bounds and the capacity-achieving input distribution.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputs"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The length is not a multiple of <paramref name="outputs"/>, or a row is not a pmf.</exception>
    /// <remarks>BSC(ε): 1 − H_b(ε) bits; BEC(ε): 1 − ε bits; a symmetric channel's optimal input is uniform.</remarks>
    public ChannelCapacityResult Capacity(ReadOnlySpan<double> channel, int outputs)
    {
        if (outputs < 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(outputs), outputs, $"outputs must be at least 1, got {outputs}.");
        }

        if (channel.IsEmpty || channel.Length % outputs != 0)
        {
            ThrowHelper.ArgumentException_RowLengthDoesNotDivide(nameof(channel), channel.Length, outputs);
        }

        int inputs = channel.Length / outputs;
        for (int x = 0; x < inputs; x++)
        {
            Check.Distribution(channel.Slice(x * outputs, outputs), nameof(channel), "row {0} of channel (the output distribution W(·|x) of input {0})", x, normalize: false, canNormalize: false);
        }

        double[] logR = new double[inputs];
        Array.Fill(logR, -Math.Log(inputs));
        double[] r = new double[inputs], q = new double[outputs], divergence = new double[inputs], shifted = new double[inputs];
        double lower = 0, upper = double.PositiveInfinity;
        int iteration = 0;
        bool converged = false;
        while (iteration < MaxIterations)
        {
            iteration++;
            for (int x = 0; x < inputs; x++)
            {
                r[x] = Math.Exp(logR[x]);
            }

            Array.Clear(q);
            for (int x = 0; x < inputs; x++)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(channel.Slice(x * outputs, outputs), r[x], q, q);
            }

            for (int x = 0; x < inputs; x++)
            {
                divergence[x] = InformationPrimitives.KullbackLeibler(channel.Slice(x * outputs, outputs), q).Nats;
                shifted[x] = logR[x] + divergence[x];
            }

            lower = InformationPrimitives.LogSumExp(shifted);
            upper = System.Numerics.Tensors.TensorPrimitives.Max(divergence);
            for (int x = 0; x < inputs; x++)
            {
                logR[x] = shifted[x] - lower;
            }

            if (upper - lower <= Tolerance)
            {
                converged = true;
                break;
            }
        }

        for (int x = 0; x < inputs; x++)
        {
            r[x] = Math.Exp(logR[x]);
        }

        return new ChannelCapacityResult
        {
            LowerBound = Information.FromNats(lower),
            UpperBound = Information.FromNats(upper),
            InputDistribution = r,
            Iterations = iteration,
            Converged = converged,
        };
    }

    private static void CheckSource(ReadOnlySpan<double> source, DistortionMatrix distortion)
    {
        ArgumentNullException.ThrowIfNull(distortion);
        Check.Distribution(source, nameof(source), "source", -1, normalize: false, canNormalize: false);
        if (source.Length != distortion.SourceSize)
        {
            ThrowHelper.ArgumentException(nameof(distortion), string.Create(CultureInfo.InvariantCulture,
                $"distortion has {distortion.SourceSize} rows but source has {source.Length} symbols; one row per source symbol is needed."));
        }
    }

    /// <summary>D_min = Σₓ p(x) min_x̂ d(x, x̂) and D_max = min_x̂ Σₓ p(x) d(x, x̂).</summary>
    private static (double Min, double Max) DistortionRange(ReadOnlySpan<double> source, DistortionMatrix distortion)
    {
        int nx = distortion.SourceSize, ny = distortion.ReproductionSize;
        ReadOnlySpan<double> d = distortion.Values;
        double dMin = 0;
        double[] column = new double[ny];
        for (int x = 0; x < nx; x++)
        {
            ReadOnlySpan<double> row = d.Slice(x * ny, ny);
            dMin += source[x] * System.Numerics.Tensors.TensorPrimitives.Min(row);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(row, source[x], column, column);
        }

        return (dMin, System.Numerics.Tensors.TensorPrimitives.Min(column));
    }

    private RateDistortionResult SolveCore(ReadOnlySpan<double> source, DistortionMatrix distortion, double beta, double[]? warmStart)
    {
        int nx = distortion.SourceSize, ny = distortion.ReproductionSize;
        ReadOnlySpan<double> d = distortion.Values;
        if (beta == 0)
        {
            return ZeroRate(source, distortion);
        }

        // A warm start is mixed with a trace of the uniform marginal: the multiplicative update can never
        // revive a reproduction symbol whose weight is exactly 0.
        double[] q = new double[ny];
        for (int j = 0; j < ny; j++)
        {
            q[j] = warmStart is null ? 1.0 / ny : ((1 - 1e-9) * warmStart[j]) + (1e-9 / ny);
        }

        double[] logits = new double[nx * ny], logZ = new double[nx], channel = new double[nx * ny], next = new double[ny], c = new double[ny];
        double rate = double.PositiveInfinity, lower = 0, dist = 0;
        int iteration = 0;
        bool converged = false;
        while (iteration < MaxIterations)
        {
            iteration++;
            for (int x = 0; x < nx; x++)
            {
                for (int j = 0; j < ny; j++)
                {
                    logits[(x * ny) + j] = Math.Log(q[j]) - (beta * d[(x * ny) + j]);
                }
            }

            InformationPrimitives.LogSumExpRows(logits, ny, logZ);
            Array.Clear(next);
            Array.Clear(c);
            dist = 0;
            double sumLogZ = 0;
            for (int x = 0; x < nx; x++)
            {
                sumLogZ += source[x] * logZ[x];
                for (int j = 0; j < ny; j++)
                {
                    double weight = Math.Exp(-(beta * d[(x * ny) + j]) - logZ[x]);
                    double qxj = q[j] * weight;
                    channel[(x * ny) + j] = qxj;
                    next[j] += source[x] * qxj;
                    c[j] += source[x] * weight;
                    dist += source[x] * qxj * d[(x * ny) + j];
                }
            }

            rate = 0;
            for (int x = 0; x < nx; x++)
            {
                if (source[x] > 0)
                {
                    rate += source[x] * InformationPrimitives.KullbackLeibler(channel.AsSpan(x * ny, ny), next).Nats;
                }
            }

            lower = -(beta * dist) - sumLogZ - Math.Log(System.Numerics.Tensors.TensorPrimitives.Max(c));
            (q, next) = (next, q);
            if (rate - lower <= Tolerance)
            {
                converged = true;
                break;
            }
        }

        return new RateDistortionResult
        {
            Rate = Information.FromNats(rate),
            LowerBound = Information.FromNats(lower),
            Distortion = dist,
            Beta = beta,
            TestChannel = channel,
            OutputMarginal = q,
            Iterations = iteration,
            Converged = converged,
        };
    }

    /// <summary>β = 0: send nothing and always reproduce the symbol with the least expected distortion.</summary>
    private static RateDistortionResult ZeroRate(ReadOnlySpan<double> source, DistortionMatrix distortion)
    {
        int nx = distortion.SourceSize, ny = distortion.ReproductionSize;
        double[] expected = new double[ny];
        for (int x = 0; x < nx; x++)
        {
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(distortion.Values.Slice(x * ny, ny), source[x], expected, expected);
        }

        int best = System.Numerics.Tensors.TensorPrimitives.IndexOfMin(expected);
        double[] channel = new double[nx * ny], marginal = new double[ny];
        for (int x = 0; x < nx; x++)
        {
            channel[(x * ny) + best] = 1;
        }

        marginal[best] = 1;
        return new RateDistortionResult
        {
            Rate = Information.Zero,
            LowerBound = Information.Zero,
            Distortion = expected[best],
            Beta = 0,
            TestChannel = channel,
            OutputMarginal = marginal,
            Iterations = 0,
            Converged = true,
        };
    }
}
