using System.Numerics;
using System.Numerics.Tensors;

namespace InfoTheory.Neural.Internal;

/// <summary>
/// The training objectives as functions of the K × K score matrix S (Sᵢⱼ = f(xᵢ, yⱼ), diagonal = joint pairs): each
/// returns the objective being maximised on the batch and writes the loss gradient −∂objective/∂S. Off-diagonal means
/// run over the K(K − 1) pairs i ≠ j, as in <see cref="InfoTheory.Variational.VariationalBounds"/>. The element-wise work
/// runs on TensorPrimitives in the scores' precision; sums over rows and the batch are taken in double.
/// </summary>
internal static class TrainingObjective
{
    /// <summary>The state MINE carries across steps: ln of the moving average of E_Q[e^f] (NaN before the first step).</summary>
    internal sealed class State
    {
        public double LogMovingAverage { get; set; } = double.NaN;
    }

    /// <summary>
    /// Writes the loss gradient for one batch and returns the objective's value (NaN for the Jensen-Shannon objective
    /// unless <paramref name="withValue"/>: training needs only the gradient).
    /// </summary>
    public static double Evaluate<T>(CriticObjective objective, ReadOnlySpan<T> scores, int k, Span<T> gradient, State state, double movingAverageRate, bool withValue = true)
        where T : unmanaged, IFloatingPointIeee754<T> => objective switch
        {
            CriticObjective.InfoNce => InfoNce(scores, k, gradient),
            CriticObjective.NguyenWainwrightJordan => NguyenWainwrightJordan(scores, k, gradient),
            CriticObjective.Mine => Mine(scores, k, gradient, state, movingAverageRate),
            _ => JensenShannon(scores, k, gradient, withValue),
        };

    /// <summary>
    /// I_NCE = (1/K) Σᵢ [Sᵢᵢ − ln((1/K) Σⱼ e^Sᵢⱼ)]; ∂/∂Sᵢⱼ = (δᵢⱼ − softmax(row i)ⱼ)/K. Each row is shifted by its maximum,
    /// exponentiated and scaled in place in the gradient buffer (vectorised); the row sum of at most K terms ≤ 1 and the
    /// objective are taken in double.
    /// </summary>
    private static double InfoNce<T>(ReadOnlySpan<T> scores, int k, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double total = 0;
        double logK = Math.Log(k);
        T inverseK = T.One / T.CreateChecked(k);
        for (int i = 0; i < k; i++)
        {
            ReadOnlySpan<T> row = scores.Slice(i * k, k);
            Span<T> g = gradient.Slice(i * k, k);
            T max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, g);
            TensorPrimitives.Exp(g, g);
            double sum = double.CreateChecked(TensorPrimitives.Sum<T>(g));
            total += double.CreateChecked(row[i]) - (double.CreateChecked(max) + Math.Log(sum)) + logK;
            TensorPrimitives.Multiply(g, T.CreateChecked(1.0 / (sum * k)), g);
            g[i] -= inverseK;
        }

        return total / k;
    }

    /// <summary>I_NWJ = (1/K) Σᵢ Sᵢᵢ − (1/(K(K−1))) Σ_{i≠j} e^(Sᵢⱼ − 1).</summary>
    private static double NguyenWainwrightJordan<T>(ReadOnlySpan<T> scores, int k, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double pairs = (double)k * (k - 1);
        T scale = T.CreateChecked(1.0 / pairs);
        double diagonal = 0;
        double off = 0;
        for (int i = 0; i < k; i++)
        {
            Span<T> g = gradient.Slice(i * k, k);
            TensorPrimitives.Subtract(scores.Slice(i * k, k), T.One, g);
            TensorPrimitives.Exp(g, g);
            off += double.CreateChecked(TensorPrimitives.Sum<T>(g)) - double.CreateChecked(g[i]);
            TensorPrimitives.Multiply(g, scale, g);
            diagonal += double.CreateChecked(scores[(i * k) + i]);
            g[i] = T.CreateChecked(-1.0 / k);
        }

        return (diagonal / k) - (off / pairs);
    }

    /// <summary>
    /// I_DV = (1/K) Σᵢ Sᵢᵢ − ln M, M = (1/(K(K−1))) Σ_{i≠j} e^Sᵢⱼ. The exact gradient of −ln M is −e^Sᵢⱼ/(K(K−1) M);
    /// MINE (Belghazi et al. 2018, §3.2) divides by a moving average M̄ ← (1 − α) M̄ + α M instead (M̄ = M at the first
    /// step), which removes most of the bias of the mini-batch gradient. The exponentials are shifted by the largest
    /// score, so nothing overflows before the division.
    /// </summary>
    private static double Mine<T>(ReadOnlySpan<T> scores, int k, Span<T> gradient, State state, double rate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double pairs = (double)k * (k - 1);
        T max = TensorPrimitives.Max(scores[..(k * k)]);
        double diagonal = 0;
        double sum = 0;
        for (int i = 0; i < k; i++)
        {
            Span<T> g = gradient.Slice(i * k, k);
            TensorPrimitives.Subtract(scores.Slice(i * k, k), max, g);
            TensorPrimitives.Exp(g, g);
            sum += double.CreateChecked(TensorPrimitives.Sum<T>(g)) - double.CreateChecked(g[i]);
            diagonal += double.CreateChecked(scores[(i * k) + i]);
        }

        double logMean = double.CreateChecked(max) + Math.Log(sum / pairs);
        double previous = state.LogMovingAverage;
        // ln((1 − α) M̄ + α M) in log space, so large scores do not overflow.
        double logAverage = double.IsNaN(previous)
            ? logMean
            : LogAddExp(Math.Log(1.0 - rate) + previous, Math.Log(rate) + logMean);
        state.LogMovingAverage = logAverage;
        // e^(S − max) · e^(max − ln M̄) / (K(K − 1)) = e^S / (K(K − 1) M̄).
        T scale = T.CreateChecked(Math.Exp(double.CreateChecked(max) - logAverage) / pairs);
        for (int i = 0; i < k; i++)
        {
            Span<T> g = gradient.Slice(i * k, k);
            TensorPrimitives.Multiply(g, scale, g);
            g[i] = T.CreateChecked(-1.0 / k);
        }

        return (diagonal / k) - logMean;
    }

    /// <summary>
    /// The f-GAN Jensen-Shannon objective (Nowozin et al. 2016) as Poole et al. and Song &amp; Ermon train it:
    /// (1/K) Σᵢ −softplus(−Sᵢᵢ) − (1/(K(K−1))) Σ_{i≠j} softplus(Sᵢⱼ); ∂/∂Sᵢᵢ = σ(−Sᵢᵢ)/K, ∂/∂Sᵢⱼ = −σ(Sᵢⱼ)/(K(K−1)).
    /// The gradient is vectorised; the objective's value (softplus terms) is computed only when asked for.
    /// </summary>
    private static double JensenShannon<T>(ReadOnlySpan<T> scores, int k, Span<T> gradient, bool withValue)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double pairs = (double)k * (k - 1);
        T scale = T.CreateChecked(1.0 / pairs);
        double diagonal = 0;
        double off = 0;
        for (int i = 0; i < k; i++)
        {
            ReadOnlySpan<T> row = scores.Slice(i * k, k);
            Span<T> g = gradient.Slice(i * k, k);
            TensorPrimitives.Sigmoid(row, g);
            TensorPrimitives.Multiply(g, scale, g);
            double sii = double.CreateChecked(row[i]);
            g[i] = T.CreateChecked(-Sigmoid(-sii) / k);
            if (withValue)
            {
                for (int j = 0; j < k; j++)
                {
                    if (j == i)
                    {
                        diagonal -= Softplus(-sii);
                    }
                    else
                    {
                        off += Softplus(double.CreateChecked(row[j]));
                    }
                }
            }
        }

        return withValue ? (diagonal / k) - (off / pairs) : double.NaN;
    }

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1.0 + Math.Exp(-x)) : Math.Log(1.0 + Math.Exp(x));

    private static double Sigmoid(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

    private static double LogAddExp(double a, double b)
    {
        double max = Math.Max(a, b);
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }
}
