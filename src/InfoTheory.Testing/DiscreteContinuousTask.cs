using System.Globalization;
using InfoTheory.Continuous;

namespace InfoTheory.Testing;

/// <summary>
/// A discrete X and a continuous Y: X uniform on the labels {0, …, m − 1} (stored as a <see cref="double"/> column) and
/// Y | X = i ~ Uniform(i·s, i·s + 1), unit-width windows whose starts are s apart. With c(y) the number of windows that
/// contain y, I(X;Y) = ln m − (1/m) ∫ c(y) ln c(y) dy: ln m when the windows do not overlap (s ≥ 1), less when they do.
/// </summary>
/// <remarks>
/// <para>
/// Derivation. p(y | i) = 1 on its window, so h(Y | X) = 0, and p(y) = c(y)/m; then
/// I = h(Y) = −∫ (c/m) ln(c/m) dy = ln m · (1/m)∫ c dy − (1/m)∫ c ln c dy with ∫ c dy = m (each window has length 1).
/// The count c is piecewise constant between the 2m window ends, so the integral is a finite sum, evaluated exactly
/// here by sweeping the sorted ends. Special cases: s ≥ 1 gives c ∈ {0, 1} and I = ln m; s = ½ gives c = 2 on a length
/// (m − 1)/2 and I = ln m − ((m − 1)/m) ln 2, the example "X uniform on {0, …, m − 1}, Y | X ~ U[X, X + 2]" of Gao,
/// Kannan, Oh &amp; Viswanath (NeurIPS 2017, "Estimating mutual information for discrete-continuous mixtures") up to the
/// scale of Y; s = 0 makes Y independent of X and I = 0.
/// </para>
/// <para>
/// X has m atoms (many ties), Y has a density: estimators built for continuous data must handle the ties on purpose, and
/// mixed estimators are what this task is for. Sampling: per row, the label from <see cref="Random.Next(int)"/> and then
/// the offset from <see cref="Random.NextDouble"/>, one <see cref="Random"/> seeded by the caller.
/// </para>
/// </remarks>
public sealed class DiscreteContinuousTask : IMutualInformationTask
{
    /// <summary>A task with <paramref name="categories"/> labels and window starts <paramref name="spacing"/> apart.</summary>
    /// <param name="categories">m ≥ 1, the number of labels.</param>
    /// <param name="spacing">s ≥ 0, finite: label i's window is [i·s, i·s + 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public DiscreteContinuousTask(int categories, double spacing)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(categories, 1);
        if (!(spacing >= 0) || !double.IsFinite(spacing))
        {
            throw new ArgumentOutOfRangeException(nameof(spacing), spacing, string.Format(CultureInfo.InvariantCulture,
                "spacing must be a finite number ≥ 0, got {0}.", spacing));
        }

        Categories = categories;
        Spacing = spacing;
        TrueMutualInformation = Information.FromNats(Math.Log(categories) - (IntegralOfCountLogCount(categories, spacing) / categories));
    }

    /// <summary>m, the number of labels of X.</summary>
    public int Categories { get; }

    /// <summary>s, the distance between the starts of consecutive windows.</summary>
    public double Spacing { get; }

    /// <inheritdoc />
    public int XDimension => 1;

    /// <inheritdoc />
    public int YDimension => 1;

    /// <inheritdoc />
    public Information TrueMutualInformation { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public (SampleMatrix X, SampleMatrix Y) Sample(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var random = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++)
        {
            int label = random.Next(Categories);
            x[i] = label;
            y[i] = (label * Spacing) + random.NextDouble();
        }

        return (SampleMatrix.FromRowMajor(x, 1), SampleMatrix.FromRowMajor(y, 1));
    }

    /// <summary>Returns a short description with m, s and the true mutual information.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "DiscreteContinuousTask (m = {0}, s = {1}, I = {2:R} nats)", Categories, Spacing, TrueMutualInformation.Nats);

    // ∫ c(y) ln c(y) dy for the windows [i·s, i·s + 1), i < m: sweep the 2m ends in order, c constant in between.
    private static double IntegralOfCountLogCount(int m, double s)
    {
        var ends = new (double Position, int Change)[2 * m];
        for (int i = 0; i < m; i++)
        {
            ends[2 * i] = (i * s, +1);
            ends[(2 * i) + 1] = ((i * s) + 1, -1);
        }

        Array.Sort(ends);
        double integral = 0;
        int count = 0;
        for (int e = 0; e < ends.Length; e++)
        {
            if (e > 0 && count > 1)
            {
                integral += (ends[e].Position - ends[e - 1].Position) * count * Math.Log(count);
            }

            count += ends[e].Change;
        }

        return integral;
    }
}
