using System.Globalization;
using InfoTheory.Continuous;

namespace InfoTheory.Testing;

/// <summary>
/// Two tasks side by side and independent of each other: X = (X₁, X₂), Y = (Y₁, Y₂) with (X₁, Y₁) ⟂ (X₂, Y₂),
/// so I(X;Y) = I(X₁;Y₁) + I(X₂;Y₂) (Cover &amp; Thomas 2006, chain rule). Useful to build high-dimensional tasks
/// with a known answer from small ones.
/// </summary>
/// <remarks>
/// <see cref="Sample"/> draws the first task with the given seed and the second with a seed derived from it by a
/// fixed odd-multiplier mix, so the two streams differ and the result is reproducible.
/// </remarks>
public sealed class IndependentConcatenation : IMutualInformationTask
{
    private readonly IMutualInformationTask _first;
    private readonly IMutualInformationTask _second;

    /// <summary>Concatenates <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <param name="first">The task whose coordinates come first in X and in Y.</param>
    /// <param name="second">The task whose coordinates follow.</param>
    /// <exception cref="ArgumentNullException">A task is null.</exception>
    public IndependentConcatenation(IMutualInformationTask first, IMutualInformationTask second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        _first = first;
        _second = second;
    }

    /// <inheritdoc />
    public int XDimension => _first.XDimension + _second.XDimension;

    /// <inheritdoc />
    public int YDimension => _first.YDimension + _second.YDimension;

    /// <inheritdoc />
    public Information TrueMutualInformation => _first.TrueMutualInformation + _second.TrueMutualInformation;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    public (SampleMatrix X, SampleMatrix Y) Sample(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        (SampleMatrix x1, SampleMatrix y1) = _first.Sample(n, seed);
        (SampleMatrix x2, SampleMatrix y2) = _second.Sample(n, unchecked((seed * -1640531535) + 0x5bd1e995));
        return (SampleMatrix.ConcatenateColumns(x1, x2), SampleMatrix.ConcatenateColumns(y1, y2));
    }

    /// <summary>Returns a short description with the dimensions and the true mutual information.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "IndependentConcatenation (dx = {0}, dy = {1}, I = {2:R} nats)", XDimension, YDimension, TrueMutualInformation.Nats);
}
