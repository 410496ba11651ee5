using InfoTheory.Internal;
using InfoTheory.Kernel.Internal;

namespace InfoTheory.Kernel;

/// <summary>
/// The settings every kernel estimator shares — the <see cref="Kernel"/> (with its bandwidth or bandwidth rule) and
/// <see cref="MaxDegreeOfParallelism"/> — defined and validated once, so each means the same in every estimator.
/// </summary>
/// <remarks>
/// Defaults: a Gaussian kernel with Silverman's bandwidth, chosen per variable from its own samples (Yu et al. 2019 for
/// the matrix-based measures; Príncipe 2010 for the Parzen ones), except where an estimator's remarks name another
/// with its reason (the HSIC test uses the median heuristic, as Gretton et al. 2008); <see cref="MaxDegreeOfParallelism"/>
/// = −1 (all cores; results are bit-identical for every value). Settings are fixed at construction and never changed by
/// an estimate, so an estimator is immutable and may be shared between threads.
/// </remarks>
public abstract class KernelEstimator
{
    private readonly bool _parzen;

    /// <summary>Sets the estimator's default kernel; <paramref name="parzen"/> restricts it to Gaussian windows.</summary>
    private protected KernelEstimator(KernelFunction defaultKernel, bool parzen = false)
    {
        _parzen = parzen;
        Kernel = defaultKernel;
    }

    /// <summary>The kernel applied to each variable, each with its own bandwidth when a rule is used.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    /// <exception cref="ArgumentException">Set to a kernel that is not Gaussian, for the Parzen-window estimators.</exception>
    public KernelFunction Kernel
    {
        get;
        init => field = _parzen ? Parzen.RequireGaussian(value, nameof(Kernel)) : value ?? throw new ArgumentNullException(nameof(Kernel));
    }

    /// <summary>Threads for the Gram matrices and their products: −1 (default, no limit) or at least 1. Does not change the result.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to 0 or less than −1.</exception>
    public int MaxDegreeOfParallelism { get; init => field = Settings.MaxDegreeOfParallelism(value); } = Settings.DefaultMaxDegreeOfParallelism;
}
