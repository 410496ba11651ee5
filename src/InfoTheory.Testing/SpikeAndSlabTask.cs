using System.Globalization;
using InfoTheory.Continuous;

namespace InfoTheory.Testing;

/// <summary>
/// A task with atoms on both sides: X uniform on the labels {0, …, m − 1} (stored as a <see cref="double"/> column); with
/// probability p, Y is an exact copy of X (a "spike": an atom at the label), otherwise Y ~ Uniform(0, m) independently of
/// X (the "slab"). I(X;Y) = p ln m.
/// </summary>
/// <remarks>
/// <para>
/// Derivation. Let B be the indicator of a copy. B is a function of Y almost surely (a slab draw is an integer with
/// probability 0), so I(X;Y) = I(X;Y,B) = I(X;B) + I(X;Y | B) = 0 + p·H(X) + (1 − p)·0 = p ln m: a copy reveals X, a slab
/// draw says nothing about it. Y is a mixture of a discrete and a continuous law (its atoms carry mass p/m each), the
/// setting of Gao, Kannan, Oh &amp; Viswanath (NeurIPS 2017, "Estimating mutual information for discrete-continuous
/// mixtures"); X and the spike part of Y are full of ties, which estimators for continuous data mishandle unless they
/// treat ties on purpose.
/// </para>
/// <para>
/// Sampling: per row, the label from <see cref="Random.Next(int)"/>, then a uniform u from <see cref="Random.NextDouble"/>
/// deciding the copy (u &lt; p), then for a slab row m·<see cref="Random.NextDouble"/>; one <see cref="Random"/> seeded by
/// the caller.
/// </para>
/// </remarks>
public sealed class SpikeAndSlabTask : IMutualInformationTask
{
    /// <summary>A task with <paramref name="categories"/> labels and copy probability <paramref name="copyProbability"/>.</summary>
    /// <param name="categories">m ≥ 1, the number of labels.</param>
    /// <param name="copyProbability">p in [0, 1], the probability that Y copies X.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public SpikeAndSlabTask(int categories, double copyProbability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(categories, 1);
        if (!(copyProbability >= 0 && copyProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(copyProbability), copyProbability, string.Format(CultureInfo.InvariantCulture,
                "copyProbability must be a probability in [0, 1], got {0}.", copyProbability));
        }

        Categories = categories;
        CopyProbability = copyProbability;
        TrueMutualInformation = Information.FromNats(copyProbability * Math.Log(categories));
    }

    /// <summary>m, the number of labels of X.</summary>
    public int Categories { get; }

    /// <summary>p, the probability that Y is an exact copy of X.</summary>
    public double CopyProbability { get; }

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
            y[i] = random.NextDouble() < CopyProbability ? label : Categories * random.NextDouble();
        }

        return (SampleMatrix.FromRowMajor(x, 1), SampleMatrix.FromRowMajor(y, 1));
    }

    /// <summary>Returns a short description with m, p and the true mutual information.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "SpikeAndSlabTask (m = {0}, p = {1}, I = {2:R} nats)", Categories, CopyProbability, TrueMutualInformation.Nats);
}
