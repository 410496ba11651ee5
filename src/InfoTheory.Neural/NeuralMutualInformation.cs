using System.Collections.ObjectModel;
using System.Globalization;
using InfoTheory.Continuous;
using InfoTheory.Neural.Internal;

namespace InfoTheory.Neural;

/// <summary>
/// Mutual information from a trained critic: a small neural network f(x, y) is trained to maximise a variational lower
/// bound on I(X;Y) (InfoNCE, NWJ, MINE, SMILE or Jensen-Shannon) on one part of the data, and the bound is read on the
/// pairs it was not trained on. The estimator of Belghazi et al. (2018), Poole et al. (2019) and Song &amp; Ermon (2020),
/// with the defaults of the <c>bmi</c> benchmark (Czyż et al. 2023, "Beyond Normal").
/// </summary>
/// <remarks>
/// <para>
/// <b>Procedure.</b> The rows are shuffled with <see cref="Seed"/> and split: a fraction <see cref="TrainFraction"/>
/// (default ½) trains the critic, the rest is held out. Every column is standardised with the mean and standard
/// deviation of the training rows (a constant column is only centred). The critic takes <see cref="MaxSteps"/> Adam
/// steps on batches of <see cref="BatchSize"/> training pairs (the training rows are reshuffled at each pass); every
/// <see cref="EvaluateEvery"/> steps the held-out rows, cut into batches of K = <see cref="BatchSize"/> pairs, are scored
/// (all K² pairs of each batch) and <see cref="InfoTheory.Variational.VariationalBounds"/> gives the bound and its
/// standard error per batch; their mean is the checkpoint's value. Training stops early after
/// <see cref="Patience"/> checkpoints without a new best, and the estimate is the best checkpoint's held-out bound
/// (as <c>bmi</c> reports its <c>final_mi</c>).
/// </para>
/// <para>
/// <b>What the value means.</b> A lower bound on I(X;Y) for the trained critic, up to sampling error — except that
/// choosing the best checkpoint and the log outside the expectation in MINE and SMILE bias it upwards slightly. InfoNCE
/// cannot exceed ln K (5.55 nats for K = 256): for larger MI use NWJ, MINE or SMILE, or a larger batch. Trained critics
/// are most useful where k-NN estimators fail, in high dimension with low-dimensional structure; on low-dimensional
/// data the k-NN and hybrid estimators are faster and usually more accurate.
/// </para>
/// <para>
/// <b>Determinism and cost.</b> The networks run in single precision on hand-written forward and backward passes
/// vectorised over the batch (System.Numerics.Tensors); the joint critic's K rows are cut into a fixed number of
/// ranges run in parallel (<see cref="MaxDegreeOfParallelism"/>) whose partial gradients are summed in a fixed order.
/// The same data, settings and seed give the same bits on every machine with the same vector width, whatever the
/// number of cores. A step with the joint critic costs
/// about K² × (first width + the weights above the first layer) multiply-adds, three times for the backward pass.
/// Immutable and thread-safe: every call trains a fresh critic.
/// </para>
/// </remarks>
public sealed class NeuralMutualInformation : IMultivariateMutualInformationEstimator
{
    private static readonly IReadOnlyList<int> s_defaultHidden = Array.AsReadOnly([16, 8]);
    private readonly double? _learningRate;

    /// <summary>The objective the critic is trained with and the bound read from it (default <see cref="CriticObjective.InfoNce"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="CriticObjective"/>.</exception>
    public CriticObjective Objective
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Objective), value, "Objective must be a defined CriticObjective.");
    }

    /// <summary>How the critic is built (default <see cref="CriticArchitecture.Joint"/>, as <c>bmi</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="CriticArchitecture"/>.</exception>
    public CriticArchitecture Critic
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Critic), value, "Critic must be a defined CriticArchitecture.");
    }

    /// <summary>The widths of the hidden ReLU layers of each network (default (16, 8), as <c>bmi</c>); at least one layer, each at least 1 wide. The list is copied.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The list is empty or a width is less than 1.</exception>
    public IReadOnlyList<int> HiddenLayers
    {
        get;
        init => field = ValidateHidden(value, nameof(HiddenLayers));
    } = s_defaultHidden;

    /// <summary>The embedding width E of the separable critic g(x)ᵀh(y) (default 16); unused by the joint critic.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int EmbeddingDimension
    {
        get;
        init => field = AtLeast(value, 1, nameof(EmbeddingDimension));
    } = 16;

    /// <summary>K, the pairs per training batch and per held-out batch (default 256, as <c>bmi</c>; at least 2). Smaller when fewer rows are available.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 2.</exception>
    public int BatchSize
    {
        get;
        init => field = AtLeast(value, 2, nameof(BatchSize));
    } = 256;

    /// <summary>The most optimiser steps (default 2000, as <c>bmi</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxSteps
    {
        get;
        init => field = AtLeast(value, 1, nameof(MaxSteps));
    } = 2000;

    /// <summary>Steps between two readings of the held-out bound (default 250, as <c>bmi</c>). The last step is always read.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int EvaluateEvery
    {
        get;
        init => field = AtLeast(value, 1, nameof(EvaluateEvery));
    } = 250;

    /// <summary>
    /// Checkpoints without a new best held-out bound after which training stops (default 2: <c>bmi</c>'s rule, which
    /// stops when more than one reading has passed since the best); null trains for <see cref="MaxSteps"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? Patience
    {
        get;
        init => field = value is { } p ? AtLeast(p, 1, nameof(Patience)) : null;
    } = 2;

    /// <summary>
    /// The Adam learning rate (finite and positive). Default: 0.1 for the joint critic, as <c>bmi</c>; 0.01 for the
    /// separable critic, whose dot-product scores at 0.1 drive ReLU units dead or the NWJ and Donsker-Varadhan
    /// objectives to overflow within the first few hundred steps (measured on 5 × 5 Gaussians; docs/learned-and-language.md).
    /// Reading the property gives the rate in effect.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double LearningRate
    {
        get => _learningRate ?? (Critic == CriticArchitecture.Separable ? 0.01 : 0.1);
        init => _learningRate = double.IsFinite(value) && value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, Invariant($"LearningRate must be finite and positive, got {value}."));
    }

    /// <summary>The fraction of the rows the critic is trained on (default 0.5, as <c>bmi</c>; strictly between 0 and 1). The rest is held out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not strictly between 0 and 1.</exception>
    public double TrainFraction
    {
        get;
        init => field = value is > 0 and < 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(TrainFraction), value, Invariant($"TrainFraction must be strictly between 0 and 1, got {value}."));
    } = 0.5;

    /// <summary>τ, the clip of SMILE (default 5, Song &amp; Ermon's most used setting; positive, +∞ allowed); used only by <see cref="CriticObjective.Smile"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or not positive.</exception>
    public double Clip
    {
        get;
        init => field = value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(Clip), value, Invariant($"Clip must be positive, got {value}."));
    } = 5.0;

    /// <summary>α of MINE's moving average of E_Q[e^f] (default 0.01; in (0, 1], 1 gives the plain Donsker-Varadhan gradient); used only by <see cref="CriticObjective.Mine"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in (0, 1].</exception>
    public double MovingAverageRate
    {
        get;
        init => field = value is > 0 and <= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MovingAverageRate), value, Invariant($"MovingAverageRate must be in (0, 1], got {value}."));
    } = 0.01;

    /// <summary>
    /// The most threads the joint critic's rows are spread over (default <see cref="EstimatorDefaults.MaxDegreeOfParallelism"/>,
    /// −1: no limit; otherwise at least 1). The rows are cut into a fixed number of ranges whose partial gradients are
    /// summed in order, so every value gives the same bits.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get;
        init => field = value is -1 or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), value, Invariant($"MaxDegreeOfParallelism must be −1 (no limit) or at least 1, got {value}."));
    } = EstimatorDefaults.MaxDegreeOfParallelism;

    /// <summary>The seed of the split, the initial weights and the batch order (default <see cref="EstimatorDefaults.Seed"/>).</summary>
    public int Seed { get; init; } = EstimatorDefaults.Seed;

    /// <inheritdoc/>
    /// <remarks>The held-out bound at the best checkpoint; see <see cref="EstimateWithDetails"/> for its standard error and the training curve.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ, or there are too few rows for two training and two held-out pairs.</exception>
    /// <exception cref="InvalidOperationException">Training diverged: the critic's scores overflowed (the learning rate is too large for the data).</exception>
    public Information Estimate(SampleMatrix x, SampleMatrix y) => EstimateWithDetails(x, y).Value;

    /// <summary>Trains a critic on part of the pairs and reads the bound on the rest (see the remarks on <see cref="NeuralMutualInformation"/>).</summary>
    /// <param name="x">The samples of X.</param>
    /// <param name="y">The samples of Y, as many rows as <paramref name="x"/>.</param>
    /// <returns>The held-out bound at the best checkpoint with its standard error, the InfoNCE ceiling, and the training curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="x"/> or <paramref name="y"/> is null.</exception>
    /// <exception cref="ArgumentException">The row counts differ, or there are too few rows for two training and two held-out pairs.</exception>
    /// <exception cref="InvalidOperationException">Training diverged: the critic's scores overflowed (the learning rate is too large for the data).</exception>
    public NeuralEstimate EstimateWithDetails(SampleMatrix x, SampleMatrix y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rows != y.Rows)
        {
            throw new ArgumentException(Invariant($"x and y must have the same number of rows (paired samples), got {x.Rows} and {y.Rows}."), nameof(y));
        }

        int training = TrainingRows(x.Rows, TrainFraction);
        if (training < 2 || x.Rows - training < 2)
        {
            throw new ArgumentException(Invariant(
                $"x has {x.Rows} rows; with TrainFraction = {TrainFraction} that leaves {training} to train on and {x.Rows - training} held out, and each needs at least 2."), nameof(x));
        }

        return CriticTraining.Run(this, x, y, training);
    }

    /// <summary>The training rows for n rows: round(n · fraction), half away from zero.</summary>
    internal static int TrainingRows(int rows, double fraction) => (int)Math.Round(rows * fraction, MidpointRounding.AwayFromZero);

    private static ReadOnlyCollection<int> ValidateHidden(IReadOnlyList<int> value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Count == 0)
        {
            throw new ArgumentException(Invariant($"{paramName} must hold at least one layer width."), paramName);
        }

        int[] copy = [.. value];
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] < 1)
            {
                throw new ArgumentException(Invariant($"{paramName}[{i}] must be at least 1, got {copy[i]}."), paramName);
            }
        }

        return Array.AsReadOnly(copy);
    }

    private static int AtLeast(int value, int minimum, string name) => value >= minimum ? value
        : throw new ArgumentOutOfRangeException(name, value, Invariant($"{name} must be at least {minimum}, got {value}."));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
