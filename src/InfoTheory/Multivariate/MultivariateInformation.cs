using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Multivariate;

/// <summary>
/// Information shared among n ≥ 2 variables — total correlation, dual total correlation, O- and S-information,
/// co-information and the O-information gradient — as sums of joint entropies of subsets, for any
/// <see cref="IJointEntropy"/>: an exact <see cref="DiscreteDistribution"/>, discrete samples under any entropy
/// estimator (<see cref="DiscreteJointEntropy"/>), or Gaussian entropies from a covariance matrix.
/// </summary>
/// <remarks>
/// <para>
/// With H the joint entropy of all n variables, Hᵢ that of Xᵢ and H₋ᵢ that of all but Xᵢ:
/// total correlation (Watanabe 1960) TC = Σ Hᵢ − H; dual total correlation (Han 1978; "binding information")
/// DTC = Σ H₋ᵢ − (n − 1) H; O-information (Rosas, Mediano, Gastpar &amp; Jensen 2019) Ω = TC − DTC, positive when
/// redundancy dominates and negative when synergy does; S-information Σ = TC + DTC.
/// For three variables Ω equals the co-information.
/// </para>
/// <para>
/// Each measure needs at most 2n + 1 subset entropies (the gradient n² + n + 1, the co-information 2ⁿ − 1). Results are in
/// the unit-carrying <see cref="Information"/>; for estimated entropies (bias-corrected, Gaussian with bias correction) the
/// combinations inherit their estimators' bias and may fall slightly outside the bounds that hold exactly (TC, DTC ≥ 0).
/// </para>
/// </remarks>
public static class MultivariateInformation
{
    /// <summary>The largest number of variables whose co-information (2ⁿ − 1 subset entropies) is computed.</summary>
    public const int MaxCoInformationVariables = 24;

    /// <summary>Total correlation (multi-information) TC = Σᵢ H(Xᵢ) − H(X₁, …, Xₙ) of all variables of <paramref name="source"/>.</summary>
    /// <param name="source">The joint entropies of n ≥ 2 variables.</param>
    /// <returns>TC ≥ 0 for exact sources; 0 exactly when the variables are independent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two variables.</exception>
    public static Information TotalCorrelation(IJointEntropy source) => Profile(source).TotalCorrelation;

    /// <summary>Dual total correlation DTC = Σᵢ H(X₋ᵢ) − (n − 1) H(X) (binding information).</summary>
    /// <param name="source">The joint entropies of n ≥ 2 variables.</param>
    /// <returns>DTC ≥ 0 for exact sources; for two variables it equals their mutual information.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two variables.</exception>
    public static Information DualTotalCorrelation(IJointEntropy source) => Profile(source).DualTotalCorrelation;

    /// <summary>O-information Ω = TC − DTC = (n − 2) H(X) + Σᵢ [H(Xᵢ) − H(X₋ᵢ)] (Rosas et al. 2019).</summary>
    /// <param name="source">The joint entropies of n ≥ 2 variables.</param>
    /// <returns>Ω: positive for redundancy-dominated, negative for synergy-dominated dependence; 0 for two variables.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two variables.</exception>
    public static Information OInformation(IJointEntropy source) => Profile(source).OInformation;

    /// <summary>S-information Σ = TC + DTC (Rosas et al. 2019): the overall strength of the dependence.</summary>
    /// <param name="source">The joint entropies of n ≥ 2 variables.</param>
    /// <returns>Σ ≥ 0 for exact sources.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two variables.</exception>
    public static Information SInformation(IJointEntropy source) => Profile(source).SInformation;

    /// <summary>The joint entropy, TC, DTC, Ω and Σ of all variables together, from one set of 2n + 1 subset entropies.</summary>
    /// <param name="source">The joint entropies of n ≥ 2 variables.</param>
    /// <returns>The five values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two variables.</exception>
    public static MultivariateProfile Profile(IJointEntropy source)
    {
        int n = CheckSource(source, 2);
        return ProfileOf(source, Enumerable.Range(0, n).ToArray());
    }

    /// <summary>The profile of a subset of the variables of <paramref name="source"/> (a multiplet).</summary>
    /// <param name="source">The joint entropies.</param>
    /// <param name="variables">At least two distinct variable indices.</param>
    /// <returns>H, TC, DTC, Ω and Σ of the chosen variables.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two variables, or an index is invalid or repeats.</exception>
    public static MultivariateProfile Profile(IJointEntropy source, ReadOnlySpan<int> variables)
    {
        CheckSource(source, 2);
        return ProfileOf(source, CheckVariables(source, variables, 2, nameof(variables)));
    }

    /// <summary>
    /// Co-information I(X₁; …; Xₙ) = −Σ_{∅≠T⊆V} (−1)^{|T|} H(X_T) (McGill 1954's interaction information with Bell
    /// 2003's sign): I(X;Y) for two variables and I(X;Y) − I(X;Y|Z) for three, so XOR has −1 bit. Some texts
    /// (Jakulin &amp; Bratko 2003) use the opposite sign for an odd number of variables.
    /// </summary>
    /// <param name="source">The joint entropies of 2 ≤ n ≤ <see cref="MaxCoInformationVariables"/> variables.</param>
    /// <returns>The co-information, of either sign.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two or more than <see cref="MaxCoInformationVariables"/> variables.</exception>
    public static Information CoInformation(IJointEntropy source)
    {
        int n = CheckSource(source, 2);
        if (n > MaxCoInformationVariables)
        {
            ThrowHelper.ArgumentException(nameof(source), string.Create(CultureInfo.InvariantCulture,
                $"The co-information of {n} variables needs 2^{n} − 1 subset entropies; at most {MaxCoInformationVariables} variables are supported."));
        }

        double total = 0;
        Span<int> subset = stackalloc int[n];
        for (long mask = 1; mask < 1L << n; mask++)
        {
            int size = 0;
            for (int v = 0; v < n; v++)
            {
                if ((mask & (1L << v)) != 0)
                {
                    subset[size++] = v;
                }
            }

            double h = source.EntropyNats(subset[..size]);
            total += (size % 2 == 1) ? h : -h;
        }

        return Information.FromNats(total);
    }

    /// <summary>
    /// The gradient of the O-information (Scagliarini, Nuzzi, Antonacci, Faes, Rosas, Marinazzo &amp; Stramaglia 2023):
    /// for each variable i, ∂ᵢΩ = Ω(X) − Ω(X₋ᵢ), how much the O-information changes when Xᵢ joins the others — positive
    /// when Xᵢ adds redundancy, negative when it adds synergy.
    /// </summary>
    /// <param name="source">The joint entropies of n ≥ 3 variables.</param>
    /// <returns>One value per variable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than three variables.</exception>
    public static Information[] OInformationGradient(IJointEntropy source)
    {
        int n = CheckSource(source, 3);
        int[] all = Enumerable.Range(0, n).ToArray();
        double omega = ProfileOf(source, all).OInformation.Nats;
        var gradient = new Information[n];
        for (int i = 0; i < n; i++)
        {
            int[] rest = all.Where(v => v != i).ToArray();
            gradient[i] = Information.FromNats(omega - ProfileOf(source, rest).OInformation.Nats);
        }

        return gradient;
    }

    /// <summary>
    /// Local (pointwise) values for each outcome x of an exact distribution, with h(·) = −ln p(·): local TC
    /// Σ h(xᵢ) − h(x), local DTC Σ h(x₋ᵢ) − (n − 1) h(x), and their difference and sum (local Ω, local Σ). Their averages
    /// under p are the global measures; a local value can be negative where the global one cannot.
    /// </summary>
    /// <param name="distribution">A distribution of n ≥ 2 variables.</param>
    /// <returns>The local values, one per stored outcome in the order of <see cref="DiscreteDistribution.Outcome(int)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two variables.</exception>
    public static LocalMultivariateInformation Local(DiscreteDistribution distribution)
    {
        int n = CheckSource(distribution, 2);
        int m = distribution.OutcomeCount;
        double[] tc = new double[m], dtc = new double[m];
        double[] joint = distribution.RawProbabilities;
        for (int i = 0; i < n; i++)
        {
            double[] single = Internal.Projection.MarginalOfEach(distribution, [i]);
            double[] others = Internal.Projection.MarginalOfEach(distribution, [.. Enumerable.Range(0, n).Where(v => v != i)]);
            for (int o = 0; o < m; o++)
            {
                tc[o] -= Math.Log(single[o]);
                dtc[o] -= Math.Log(others[o]);
            }
        }

        double[] omega = new double[m], s = new double[m];
        for (int o = 0; o < m; o++)
        {
            double h = -Math.Log(joint[o]);
            tc[o] -= h;
            dtc[o] -= (n - 1) * h;
            omega[o] = tc[o] - dtc[o];
            s[o] = tc[o] + dtc[o];
        }

        return new LocalMultivariateInformation(tc, dtc, omega, s);
    }

    private static MultivariateProfile ProfileOf(IJointEntropy source, int[] variables)
    {
        int n = variables.Length;
        double h = source.EntropyNats(variables);
        double singles = 0, leaveOneOut = 0;
        int[] rest = new int[n - 1];
        for (int i = 0; i < n; i++)
        {
            singles += source.EntropyNats(variables.AsSpan(i, 1));
            variables.AsSpan(0, i).CopyTo(rest);
            variables.AsSpan(i + 1).CopyTo(rest.AsSpan(i));
            leaveOneOut += source.EntropyNats(rest);
        }

        double tc = singles - h;
        double dtc = leaveOneOut - ((n - 1) * h);
        return new MultivariateProfile(Information.FromNats(h), Information.FromNats(tc), Information.FromNats(dtc), Information.FromNats(tc - dtc), Information.FromNats(tc + dtc));
    }

    private static int CheckSource(IJointEntropy source, int minimum)
    {
        ArgumentNullException.ThrowIfNull(source);
        int n = source.VariableCount;
        if (n < minimum)
        {
            ThrowHelper.ArgumentException(nameof(source), string.Create(CultureInfo.InvariantCulture,
                $"The measure needs at least {minimum} variables; the source has {n}."));
        }

        return n;
    }

    internal static int[] CheckVariables(IJointEntropy source, ReadOnlySpan<int> variables, int minimum, string paramName)
    {
        if (variables.Length < minimum)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} has {variables.Length} variables; the measure needs at least {minimum}."));
        }

        int[] copy = variables.ToArray();
        for (int j = 0; j < copy.Length; j++)
        {
            if ((uint)copy[j] >= (uint)source.VariableCount || Array.IndexOf(copy, copy[j], 0, j) >= 0)
            {
                ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                    $"{paramName}[{j}] = {copy[j]} is out of range [0, {source.VariableCount}) or repeats."));
            }
        }

        return copy;
    }
}
