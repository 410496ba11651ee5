using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using InfoTheory.Internal;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Language;

/// <summary>Half-precision logits, and how many tokens carry the mass: the top-p (nucleus) support, the top-k mass and the effective support.</summary>
public static partial class TokenEntropy
{
    /// <inheritdoc cref="Varentropy(ReadOnlySpan{double}, double)"/>
    /// <remarks>Half logits are widened exactly to float (vectorised) and then computed as float logits are.</remarks>
    public static double Varentropy(ReadOnlySpan<Half> logits, double temperature = 1.0)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        float[] buffer = ArrayPool<float>.Shared.Rent(Math.Max(logits.Length, 1));
        try
        {
            Span<float> row = buffer.AsSpan(0, logits.Length);
            TensorPrimitives.ConvertToSingle(logits, row);
            return Kernels.SoftmaxEntropyAndVarentropy<float>(row, inverseTemperature).Varentropy;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc cref="VarentropyRows(ReadOnlySpan{double}, int, Span{double}, double, LogBase)"/>
    /// <remarks>Half logits are widened exactly to float a row at a time (vectorised) and then computed as float logits are, so
    /// the results equal the float overload's on the widened values bit for bit; the output is float.</remarks>
    public static void VarentropyRows(ReadOnlySpan<Half> logits, int rowLength, Span<float> destination, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logits.Length, rowLength, destination.Length, nameof(logits));
        HalfRows(logits, rowLength, [], destination, inverseTemperature, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <inheritdoc cref="EntropyAndVarentropyRows(ReadOnlySpan{double}, int, Span{double}, Span{double}, double, LogBase)"/>
    /// <remarks>Half logits are widened exactly to float a row at a time (vectorised) and then computed as float logits are, so
    /// the results equal the float overload's on the widened values bit for bit; the outputs are float.</remarks>
    public static void EntropyAndVarentropyRows(ReadOnlySpan<Half> logits, int rowLength, Span<float> entropy, Span<float> varentropy, double temperature = 1.0, LogBase logBase = LogBase.E)
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        Rows.Validate(logits.Length, rowLength, entropy.Length, nameof(logits));
        Rows.Validate(logits.Length, rowLength, varentropy.Length, nameof(logits));
        HalfRows(logits, rowLength, entropy, varentropy, inverseTemperature, Information.NatsPer(logBase, nameof(logBase)));
    }

    /// <summary>
    /// The top-p (nucleus) support of every row: <c>destination[r]</c> = the smallest number of tokens, taken from the most
    /// probable down, whose probabilities under softmax(row r / T) add up to at least <paramref name="topP"/> — the number
    /// of tokens nucleus sampling keeps (Holtzman, Buys, Du, Forbes &amp; Choi 2020, "The curious case of neural text
    /// degeneration").
    /// </summary>
    /// <param name="logits">The rows of logits, row after row ([tokens × vocabulary]); −∞ means probability 0, and such tokens are never counted.</param>
    /// <param name="rowLength">The number of logits in a row (the vocabulary size); must divide <c>logits.Length</c>.</param>
    /// <param name="topP">The mass to cover, in (0, 1]; 1 gives the number of tokens with nonzero probability.</param>
    /// <param name="destination">Receives one count per row, between 1 and <paramref name="rowLength"/>.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1, <paramref name="topP"/> is not in (0, 1], or <paramref name="temperature"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="rowLength"/> does not divide the length, <paramref name="destination"/> is too short, or a row has no finite logit or holds +∞ or NaN (its distribution is undefined).</exception>
    /// <remarks>
    /// The probabilities are formed in double, sorted, and summed from the largest; the target is <paramref name="topP"/>
    /// times their sum taken in the same order, so topP = 1 lands exactly on the last nonzero token. Ties at the boundary
    /// are counted once each as needed (which of equal tokens are "kept" does not change the count). O(V log V) per row.
    /// </remarks>
    public static void TopPSupportRows(ReadOnlySpan<float> logits, int rowLength, double topP, Span<int> destination, double temperature = 1.0) =>
        Support(logits, rowLength, topP, destination, temperature);

    /// <inheritdoc cref="TopPSupportRows(ReadOnlySpan{float}, int, double, Span{int}, double)"/>
    public static void TopPSupportRows(ReadOnlySpan<double> logits, int rowLength, double topP, Span<int> destination, double temperature = 1.0) =>
        Support(logits, rowLength, topP, destination, temperature);

    /// <inheritdoc cref="TopPSupportRows(ReadOnlySpan{float}, int, double, Span{int}, double)"/>
    public static void TopPSupportRows(ReadOnlySpan<Half> logits, int rowLength, double topP, Span<int> destination, double temperature = 1.0) =>
        Support(logits, rowLength, topP, destination, temperature);

    /// <summary>
    /// The top-k mass of every row: <c>destination[r]</c> = the total probability under softmax(row r / T) of its
    /// <paramref name="k"/> most probable tokens (1 when k is at least the row length).
    /// </summary>
    /// <param name="logits">The rows of logits, row after row ([tokens × vocabulary]); −∞ means probability 0.</param>
    /// <param name="rowLength">The number of logits in a row; must divide <c>logits.Length</c>.</param>
    /// <param name="k">The number of tokens, at least 1.</param>
    /// <param name="destination">Receives one mass in [0, 1] per row; NaN for a row with no finite logit, or with +∞ or NaN.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> or <paramref name="k"/> is less than 1, or <paramref name="temperature"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="rowLength"/> does not divide the length, or <paramref name="destination"/> is too short.</exception>
    public static void TopKMassRows(ReadOnlySpan<float> logits, int rowLength, int k, Span<double> destination, double temperature = 1.0) =>
        TopKMass(logits, rowLength, k, destination, temperature);

    /// <inheritdoc cref="TopKMassRows(ReadOnlySpan{float}, int, int, Span{double}, double)"/>
    public static void TopKMassRows(ReadOnlySpan<double> logits, int rowLength, int k, Span<double> destination, double temperature = 1.0) =>
        TopKMass(logits, rowLength, k, destination, temperature);

    /// <inheritdoc cref="TopKMassRows(ReadOnlySpan{float}, int, int, Span{double}, double)"/>
    public static void TopKMassRows(ReadOnlySpan<Half> logits, int rowLength, int k, Span<double> destination, double temperature = 1.0) =>
        TopKMass(logits, rowLength, k, destination, temperature);

    /// <summary>
    /// The effective support of every row: <c>destination[r]</c> = exp(H(softmax(row r / T))) with H in nats — the
    /// perplexity of the next-token distribution, the number of equally likely tokens with the same entropy (V for a
    /// uniform row over V tokens, 1 for a one-hot row). One pass per row, as the entropy.
    /// </summary>
    /// <param name="logits">The rows of logits, row after row ([tokens × vocabulary]); −∞ means probability 0.</param>
    /// <param name="rowLength">The number of logits in a row; must divide <c>logits.Length</c>.</param>
    /// <param name="destination">Receives one value in [1, rowLength] per row; NaN for a row with no finite logit, or with +∞ or NaN.</param>
    /// <param name="temperature">The softmax temperature T &gt; 0 (default 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowLength"/> is less than 1, or <paramref name="temperature"/> is not finite and positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="rowLength"/> does not divide the length, or <paramref name="destination"/> is too short.</exception>
    public static void EffectiveSupportRows(ReadOnlySpan<float> logits, int rowLength, Span<double> destination, double temperature = 1.0) =>
        EffectiveSupport(logits, rowLength, destination, temperature);

    /// <inheritdoc cref="EffectiveSupportRows(ReadOnlySpan{float}, int, Span{double}, double)"/>
    public static void EffectiveSupportRows(ReadOnlySpan<double> logits, int rowLength, Span<double> destination, double temperature = 1.0) =>
        EffectiveSupport(logits, rowLength, destination, temperature);

    /// <summary>Widens each Half row to float and runs the float kernel on it.</summary>
    private static void HalfRows(ReadOnlySpan<Half> logits, int rowLength, Span<float> entropy, Span<float> varentropy, double inverseTemperature, double unit)
    {
        int rows = logits.Length / rowLength;
        float[] buffer = ArrayPool<float>.Shared.Rent(rowLength);
        try
        {
            Span<float> row = buffer.AsSpan(0, rowLength);
            for (int r = 0; r < rows; r++)
            {
                TensorPrimitives.ConvertToSingle(logits.Slice(r * rowLength, rowLength), row);
                RunRows<float, float>(row, rowLength, entropy.IsEmpty ? [] : entropy.Slice(r, 1), varentropy.Slice(r, 1), inverseTemperature, unit);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private static void EffectiveSupport<T>(ReadOnlySpan<T> logits, int rowLength, Span<double> destination, double temperature)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        int rows = Rows.Validate(logits.Length, rowLength, destination.Length, nameof(logits));
        for (int r = 0; r < rows; r++)
        {
            destination[r] = Math.Exp(Kernels.SoftmaxEntropyAndVarentropy(logits.Slice(r * rowLength, rowLength), inverseTemperature).Entropy);
        }
    }

    private static void Support<T>(ReadOnlySpan<T> logits, int rowLength, double topP, Span<int> destination, double temperature)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        if (!(topP > 0 && topP <= 1))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(topP), topP, string.Create(CultureInfo.InvariantCulture, $"topP must be in (0, 1], got {topP}."));
        }

        int rows = Rows.Validate(logits.Length, rowLength, destination.Length, nameof(logits));
        double[] probabilities = new double[rowLength];
        for (int r = 0; r < rows; r++)
        {
            if (!SortedProbabilities(logits.Slice(r * rowLength, rowLength), inverseTemperature, probabilities))
            {
                ThrowHelper.ArgumentException(nameof(logits), string.Create(CultureInfo.InvariantCulture,
                    $"Row {r} of logits has no finite logit, or holds +∞ or NaN; its distribution is undefined."));
            }

            double total = 0;
            for (int i = rowLength - 1; i >= 0; i--)
            {
                total += probabilities[i];
            }

            double target = topP * total;
            double sum = 0;
            int count = 0;
            for (int i = rowLength - 1; i >= 0 && probabilities[i] > 0; i--)
            {
                sum += probabilities[i];
                count++;
                if (sum >= target)
                {
                    break;
                }
            }

            destination[r] = count;
        }
    }

    private static void TopKMass<T>(ReadOnlySpan<T> logits, int rowLength, int k, Span<double> destination, double temperature)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double inverseTemperature = Check.InverseTemperature(temperature);
        Settings.AtLeast(k, 1, nameof(k));
        int rows = Rows.Validate(logits.Length, rowLength, destination.Length, nameof(logits));
        double[] probabilities = new double[rowLength];
        for (int r = 0; r < rows; r++)
        {
            if (!SortedProbabilities(logits.Slice(r * rowLength, rowLength), inverseTemperature, probabilities))
            {
                destination[r] = double.NaN;
                continue;
            }

            double total = 0, top = 0;
            for (int i = rowLength - 1; i >= 0; i--)
            {
                total += probabilities[i];
                if (i >= rowLength - k)
                {
                    top += probabilities[i];
                }
            }

            destination[r] = Math.Min(1, top / total);
        }
    }

    /// <summary>
    /// The unnormalised probabilities exp((xᵢ − max)/T) of one row, sorted ascending, in double; false when the row has no
    /// finite logit or holds +∞ or NaN.
    /// </summary>
    private static bool SortedProbabilities<T>(ReadOnlySpan<T> row, double inverseTemperature, double[] probabilities)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double max = double.NegativeInfinity;
        foreach (T value in row)
        {
            double v = double.CreateTruncating(value);
            if (double.IsNaN(v) || double.IsPositiveInfinity(v))
            {
                return false;
            }

            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return false;
        }

        for (int i = 0; i < row.Length; i++)
        {
            probabilities[i] = Math.Exp((double.CreateTruncating(row[i]) - max) * inverseTemperature);
        }

        Array.Sort(probabilities);
        return true;
    }
}
