using System.Globalization;
using InfoTheory.Continuous;

namespace InfoTheory.Testing;

/// <summary>
/// A task seen through one-to-one maps: X′ = f(X), Y′ = g(Y) for a base task (X, Y). Mutual information is invariant
/// under injective maps applied to each variable separately, I(f(X); g(Y)) = I(X;Y) (Kraskov, Stögbauer &amp;
/// Grassberger 2004, Phys. Rev. E 69, 066138), so <see cref="TrueMutualInformation"/> is the base
/// task's while the margins, tails and geometry an estimator sees change. These are the transformed tasks of the
/// "Beyond Normal" benchmark (Czyż, Grabowski, Vogt, Beerenwinkel &amp; Marx, NeurIPS 2023).
/// </summary>
/// <remarks>
/// The invariance needs each map to be one-to-one on the support of its variable (and measurable with a measurable
/// inverse, which holds for every continuous injective map used here); <see cref="InjectiveTransforms"/> documents the
/// domain of each. <see cref="Sample"/> draws the base task with the same n and seed and maps every row, so row i of the
/// result is the image of row i of <c>BaseTask.Sample(n, seed)</c>.
/// </remarks>
public sealed class TransformedTask : IMutualInformationTask
{
    /// <summary>The task <paramref name="task"/> with X mapped by <paramref name="xTransform"/> and Y by <paramref name="yTransform"/>.</summary>
    /// <param name="task">The base task.</param>
    /// <param name="xTransform">The map applied to each X row (use <see cref="InjectiveTransforms.Identity"/> to leave X as it is).</param>
    /// <param name="yTransform">The map applied to each Y row.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A map is not defined for the dimension of its variable (the parameter name says which).</exception>
    public TransformedTask(IMutualInformationTask task, IInjectiveTransform xTransform, IInjectiveTransform yTransform)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(xTransform);
        ArgumentNullException.ThrowIfNull(yTransform);
        XDimension = OutputDimension(xTransform, task.XDimension, "X", nameof(xTransform));
        YDimension = OutputDimension(yTransform, task.YDimension, "Y", nameof(yTransform));
        BaseTask = task;
        XTransform = xTransform;
        YTransform = yTransform;
    }

    /// <summary>The task whose samples are transformed.</summary>
    public IMutualInformationTask BaseTask { get; }

    /// <summary>The map applied to X.</summary>
    public IInjectiveTransform XTransform { get; }

    /// <summary>The map applied to Y.</summary>
    public IInjectiveTransform YTransform { get; }

    /// <inheritdoc />
    public int XDimension { get; }

    /// <inheritdoc />
    public int YDimension { get; }

    /// <inheritdoc />
    /// <remarks>The base task's mutual information, unchanged by the maps.</remarks>
    public Information TrueMutualInformation => BaseTask.TrueMutualInformation;

    /// <summary>The standard normal CDF Φ applied to every coordinate of X and of Y (Gaussian margins become uniform).</summary>
    /// <param name="task">The base task.</param>
    /// <returns>The transformed task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    public static TransformedTask NormalCdf(IMutualInformationTask task) =>
        new(task, InjectiveTransforms.NormalCdf, InjectiveTransforms.NormalCdf);

    /// <summary>The half-cube map x ↦ x |x|^{1/2} applied to every coordinate of X and of Y (longer tails).</summary>
    /// <param name="task">The base task.</param>
    /// <returns>The transformed task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    public static TransformedTask HalfCube(IMutualInformationTask task) =>
        new(task, InjectiveTransforms.HalfCube, InjectiveTransforms.HalfCube);

    /// <summary>asinh applied to every coordinate of X and of Y (shorter tails).</summary>
    /// <param name="task">The base task.</param>
    /// <returns>The transformed task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    public static TransformedTask Asinh(IMutualInformationTask task) =>
        new(task, InjectiveTransforms.Asinh, InjectiveTransforms.Asinh);

    /// <summary>The wiggly map x + 0.4 sin x + 0.2 sin(1.7x + 1) applied to every coordinate of X and of Y.</summary>
    /// <param name="task">The base task.</param>
    /// <returns>The transformed task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    public static TransformedTask Wiggly(IMutualInformationTask task) =>
        new(task, InjectiveTransforms.Wiggly, InjectiveTransforms.Wiggly);

    /// <summary>The spiral diffeomorphism x ↦ R(speed · ‖x‖²) x applied to X and to Y, each of dimension ≥ 2.</summary>
    /// <param name="task">The base task, with dx ≥ 2 and dy ≥ 2.</param>
    /// <param name="speed">The angle per unit of squared norm, finite.</param>
    /// <returns>The transformed task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="speed"/> is not finite.</exception>
    /// <exception cref="ArgumentException">X or Y is one-dimensional.</exception>
    public static TransformedTask Spiral(IMutualInformationTask task, double speed)
    {
        IInjectiveTransform spiral = InjectiveTransforms.Spiral(speed);
        return new TransformedTask(task, spiral, spiral);
    }

    /// <summary>
    /// X rolled up: Φ applied to X, then the Swiss-roll embedding (dimension 1 → 2 or 2 → 3); Y unchanged. Meant for a
    /// base task with standard normal X margins, so that Φ(X) is uniform on (0, 1) as in the benchmark's Swiss-roll task.
    /// </summary>
    /// <param name="task">The base task, with dx = 1 or 2.</param>
    /// <returns>The transformed task, with dx one larger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    /// <exception cref="ArgumentException">X has a dimension other than 1 or 2.</exception>
    public static TransformedTask SwissRoll(IMutualInformationTask task) =>
        new(task, InjectiveTransforms.Compose(InjectiveTransforms.NormalCdf, InjectiveTransforms.SwissRoll), InjectiveTransforms.Identity);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">A base sample lies outside the domain of a map with a restricted domain.</exception>
    public (SampleMatrix X, SampleMatrix Y) Sample(int n, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        (SampleMatrix x, SampleMatrix y) = BaseTask.Sample(n, seed);
        return (Map(x, XTransform, XDimension), Map(y, YTransform, YDimension));
    }

    /// <summary>Returns a short description: the maps, the base task and the true mutual information.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture,
        "TransformedTask (X ↦ {0}, Y ↦ {1} of {2})", XTransform.Name, YTransform.Name, BaseTask);

    private static int OutputDimension(IInjectiveTransform transform, int inputDimension, string variable, string paramName)
    {
        if (!transform.TryGetOutputDimension(inputDimension, out int outputDimension) || outputDimension < 1)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                "The {0} map is not defined for {1} of dimension {2}.", transform.Name, variable, inputDimension), paramName);
        }

        return outputDimension;
    }

    private static SampleMatrix Map(SampleMatrix samples, IInjectiveTransform transform, int outputDimension)
    {
        double[] result = new double[samples.Rows * outputDimension];
        for (int i = 0; i < samples.Rows; i++)
        {
            transform.Apply(samples.Row(i), result.AsSpan(i * outputDimension, outputDimension));
        }

        return SampleMatrix.FromRowMajor(result, outputDimension);
    }
}
