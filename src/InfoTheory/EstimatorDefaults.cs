namespace InfoTheory;

/// <summary>
/// The defaults that every estimator, test and command of the library shares: one value per setting, so that
/// <c>new KsgMutualInformation()</c>, a permutation test and the <c>infotheory</c> command line agree on the same data.
/// </summary>
public static class EstimatorDefaults
{
    /// <summary>
    /// −1: no limit on threads (the scheduler uses every core). Every estimator returns the same bits for every degree of
    /// parallelism, so using all cores costs nothing in reproducibility.
    /// </summary>
    public const int MaxDegreeOfParallelism = -1;

    /// <summary>0: the seed of every random step (jitter, surrogates, permutations, initial encoders, probes) when none is given.</summary>
    public const int Seed = 0;

    /// <summary>
    /// 3: the neighbour order of the k-nearest-neighbour estimators (as scikit-learn; Kraskov et al. 2004 recommend 2–4).
    /// An estimator whose bias calls for another order says so in its remarks.
    /// </summary>
    public const int K = 3;
}
