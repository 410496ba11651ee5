using System.Globalization;
using InfoTheory.Continuous.Internal;
using InfoTheory.Continuous.Neighbors;
using InfoTheory.Internal;

namespace InfoTheory.Continuous;

/// <summary>
/// The settings every k-nearest-neighbour estimator shares — the neighbour order <see cref="K"/>, the per-column
/// <see cref="Scaling"/>, the treatment of repeated values (<see cref="Ties"/>), the jitter <see cref="Seed"/> and
/// <see cref="MaxDegreeOfParallelism"/> — defined and validated once, so each means the same in every estimator.
/// </summary>
/// <remarks>
/// <para>
/// Defaults: <see cref="K"/> = 3 (as scikit-learn; Kraskov et al. recommend 2–4), <see cref="Seed"/> = 0,
/// <see cref="MaxDegreeOfParallelism"/> = −1 (all cores; the result is bit-identical for every value). Estimators of
/// invariant quantities (mutual information, conditional MI, total correlation) standardise each column and jitter ties
/// by default; estimators of quantities that rescaling changes (differential entropy, divergence) use the data as given
/// and keep ties exact. Each estimator's remarks say which, and any exception to the shared defaults, with its reason.
/// </para>
/// <para>
/// Settings are fixed at construction (<c>init</c>), validated when set, and never changed by an estimate, so an
/// estimator is immutable and may be shared between threads.
/// </para>
/// </remarks>
public abstract class NearestNeighborEstimator
{
    private readonly bool _normalScoresAllowed;
    private readonly bool _jitterAllowed;

    /// <summary>Sets the estimator's own defaults and which scaling and tie options it accepts.</summary>
    private protected NearestNeighborEstimator(SampleScaling scaling, TieHandling ties, bool normalScoresAllowed, bool jitterAllowed = true, int k = Settings.DefaultK)
    {
        _normalScoresAllowed = normalScoresAllowed;
        _jitterAllowed = jitterAllowed;
        K = k;
        Scaling = scaling;
        Ties = ties;
    }

    /// <summary>
    /// The neighbour order k (default 3 unless the estimator's remarks say otherwise; at least 1). Larger k lowers the
    /// variance and raises the bias. Each estimate needs at least k + 1 rows.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1, or too large for any array to hold k + 1 rows.</exception>
    public int K { get; init => field = Settings.K(value); }

    /// <summary>Per-column scaling before the neighbour search, on a copy (see <see cref="SampleScaling"/>; the default depends on the estimator).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined, or is <see cref="SampleScaling.NormalScores"/> for an estimator whose quantity that transform changes.</exception>
    public SampleScaling Scaling { get; init => field = KnnChecks.Scaling(value, _normalScoresAllowed); }

    /// <summary>How repeated values are treated (see <see cref="TieHandling"/>; the default depends on the estimator).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not defined, or is <see cref="TieHandling.Jitter"/> for an estimator that counts ties exactly by design.</exception>
    public TieHandling Ties
    {
        get;
        init
        {
            KnnChecks.Ties(value);
            if (value == TieHandling.Jitter && !_jitterAllowed)
            {
                ThrowHelper.ArgumentOutOfRange(nameof(Ties), value, string.Create(CultureInfo.InvariantCulture,
                    $"{GetType().Name} counts repeated values exactly by design, so it has no jitter; use TieHandling.None."));
            }

            field = value;
        }
    }

    /// <summary>The seed of the tie-breaking jitter (default 0): the same data and seed give the same bits. Used only with <see cref="TieHandling.Jitter"/>.</summary>
    public int Seed { get; init; } = Settings.DefaultSeed;

    /// <summary>Threads for the neighbour search: −1 (default, no limit) or at least 1. Does not change the result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is 0 or less than −1.</exception>
    public int MaxDegreeOfParallelism { get; init => field = Settings.MaxDegreeOfParallelism(value); } = Settings.DefaultMaxDegreeOfParallelism;

    /// <summary>Forces a neighbour-search algorithm (tests compare them); all give the same result.</summary>
    internal NeighborSearchMethod SearchMethod { get; init; }
}
