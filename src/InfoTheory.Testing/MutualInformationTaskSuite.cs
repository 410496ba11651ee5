using System.Collections.ObjectModel;
using System.Globalization;

namespace InfoTheory.Testing;

/// <summary>
/// A standard, named suite of known-MI tasks for comparing estimators, modelled on the "Beyond Normal" benchmark
/// (Czyż, Grabowski, Vogt, Beerenwinkel &amp; Marx, NeurIPS 2023): Gaussian tasks, heavy tails, non-Gaussian noise,
/// one-to-one transforms of Gaussian and Student-t tasks, discrete-continuous mixtures and an independent concatenation.
/// </summary>
/// <remarks>
/// <para>
/// Every task has at most 20 joint dimensions and a mutual information between about 0.08 and 1.7 nats, so that each is
/// meaningful at n = 1000 and n = 5000. The names are stable (a report may key on them); dx×dy in a name is the
/// dimension of the sampled X and Y. The tasks, in order (I in nats):
/// </para>
/// <list type="table">
/// <listheader><term>name</term><description>task</description></listheader>
/// <item><term>normal-1x1-rho0.6</term><description>correlated normal pair, ρ = 0.6; I = −½ ln 0.64 ≈ 0.2231</description></item>
/// <item><term>normal-1x1-rho0.9</term><description>correlated normal pair, ρ = 0.9; I = −½ ln 0.19 ≈ 0.8304</description></item>
/// <item><term>normal-5x5-dense-rho0.5</term><description>equicorrelated normal, every pair ρ = 0.5; I ≈ 0.5928</description></item>
/// <item><term>normal-6x6-sparse2-rho0.8</term><description>two correlated pairs (ρ = 0.8) among 6 + 6 coordinates; I = −ln 0.36 ≈ 1.0217</description></item>
/// <item><term>normal-10x10-sparse2-rho0.8</term><description>the same two pairs among 10 + 10 coordinates; I ≈ 1.0217</description></item>
/// <item><term>student-t-1x1-nu2</term><description>Student-t, ν = 2, identity dispersion (uncorrelated but dependent); I = 4 − ln(16π) ≈ 0.0827</description></item>
/// <item><term>student-t-1x1-nu5-rho0.6</term><description>Student-t, ν = 5, dispersion correlation 0.6; I ≈ 0.2231 + 0.0171 = 0.2403</description></item>
/// <item><term>student-t-2x2-nu2</term><description>Student-t, ν = 2, identity dispersion; I ≈ 0.1931</description></item>
/// <item><term>student-t-2x2-nu5-rho0.6</term><description>Student-t, ν = 5, two pairs with dispersion correlation 0.6; I ≈ 0.4463 + 0.0508 = 0.4970</description></item>
/// <item><term>uniform-noise-eps0.1</term><description>Y = X + U(−0.1, 0.1), X ~ U(0, 1); I = 0.1 − ln 0.2 ≈ 1.7094</description></item>
/// <item><term>uniform-noise-eps0.75</term><description>Y = X + U(−0.75, 0.75); I = 1/3</description></item>
/// <item><term>normal-cdf-2x2</term><description>Φ of every coordinate of the two-pair normal with ρ = 0.6 (uniform margins); I ≈ 0.4463</description></item>
/// <item><term>half-cube-2x2</term><description>x |x|^{1/2} of every coordinate of the two-pair normal with ρ = 0.6; I ≈ 0.4463</description></item>
/// <item><term>asinh-student-t-1x1-nu1</term><description>asinh of a Cauchy (ν = 1) pair with identity dispersion, the tails shortened; I = ln(8π) − 3 ≈ 0.2242</description></item>
/// <item><term>wiggly-1x1</term><description>the wiggly map of both coordinates of the normal pair with ρ = 0.75; I = −½ ln 0.4375 ≈ 0.4133</description></item>
/// <item><term>spiral-3x3</term><description>the spiral (speed 0.5) of X and of Y of two pairs with ρ = 0.8 among 3 + 3 coordinates; I ≈ 1.0217</description></item>
/// <item><term>swiss-roll-2x1</term><description>Φ then the Swiss roll of X of the normal pair with ρ = 0.75, X on a curve in the plane; I ≈ 0.4133</description></item>
/// <item><term>discrete-continuous-m4-s0.5</term><description>X uniform on 4 labels, Y | X = i ~ U(i/2, i/2 + 1); I = ln 4 − ¾ ln 2 ≈ 0.8664</description></item>
/// <item><term>spike-slab-m4-p0.5</term><description>X uniform on 4 labels, Y = X with probability ½, else U(0, 4); I = ½ ln 4 ≈ 0.6931</description></item>
/// <item><term>concat-3x3</term><description>normal-1x1-rho0.9 next to student-t-2x2-nu5-rho0.6, independent; I ≈ 0.8304 + 0.4970 = 1.3274</description></item>
/// </list>
/// <para>The tasks are immutable; the list is built once and shared.</para>
/// </remarks>
public static class MutualInformationTaskSuite
{
    /// <summary>The standard suite: (stable name, task) pairs in the order of the table above.</summary>
    public static IReadOnlyList<(string Name, IMutualInformationTask Task)> Standard { get; } = Build();

    /// <summary>The task of the standard suite with the given name.</summary>
    /// <param name="name">A name from <see cref="Standard"/>, such as "student-t-2x2-nu5-rho0.6" (ordinal comparison).</param>
    /// <returns>The task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No task has that name; the message lists the names.</exception>
    public static IMutualInformationTask Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach ((string Name, IMutualInformationTask Task) entry in Standard)
        {
            if (string.Equals(entry.Name, name, StringComparison.Ordinal))
            {
                return entry.Task;
            }
        }

        throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "There is no task named '{0}' in the standard suite; the names are: {1}.",
            name, string.Join(", ", Standard.Select(static e => e.Name))), nameof(name));
    }

    private static ReadOnlyCollection<(string Name, IMutualInformationTask Task)> Build()
    {
        MultivariateNormalTask pair075 = MultivariateNormalTask.CorrelatedPair(0.75);
        MultivariateNormalTask twoPairs06 = MultivariateNormalTask.SparseInteractions(2, 2, 2, 0.6);
        MultivariateStudentTTask student2x2Nu5 = MultivariateStudentTTask.SparseInteractions(2, 2, 2, 0.6, 5);
        (string, IMutualInformationTask)[] tasks =
        [
            ("normal-1x1-rho0.6", MultivariateNormalTask.CorrelatedPair(0.6)),
            ("normal-1x1-rho0.9", MultivariateNormalTask.CorrelatedPair(0.9)),
            ("normal-5x5-dense-rho0.5", MultivariateNormalTask.Equicorrelated(5, 5, 0.5)),
            ("normal-6x6-sparse2-rho0.8", MultivariateNormalTask.SparseInteractions(6, 6, 2, 0.8)),
            ("normal-10x10-sparse2-rho0.8", MultivariateNormalTask.SparseInteractions(10, 10, 2, 0.8)),
            ("student-t-1x1-nu2", MultivariateStudentTTask.SparseInteractions(1, 1, 0, 0, 2)),
            ("student-t-1x1-nu5-rho0.6", MultivariateStudentTTask.SparseInteractions(1, 1, 1, 0.6, 5)),
            ("student-t-2x2-nu2", MultivariateStudentTTask.SparseInteractions(2, 2, 0, 0, 2)),
            ("student-t-2x2-nu5-rho0.6", student2x2Nu5),
            ("uniform-noise-eps0.1", new AdditiveUniformNoiseTask(0.1)),
            ("uniform-noise-eps0.75", new AdditiveUniformNoiseTask(0.75)),
            ("normal-cdf-2x2", TransformedTask.NormalCdf(twoPairs06)),
            ("half-cube-2x2", TransformedTask.HalfCube(twoPairs06)),
            ("asinh-student-t-1x1-nu1", TransformedTask.Asinh(MultivariateStudentTTask.SparseInteractions(1, 1, 0, 0, 1))),
            ("wiggly-1x1", TransformedTask.Wiggly(pair075)),
            ("spiral-3x3", TransformedTask.Spiral(MultivariateNormalTask.SparseInteractions(3, 3, 2, 0.8), 0.5)),
            ("swiss-roll-2x1", TransformedTask.SwissRoll(pair075)),
            ("discrete-continuous-m4-s0.5", new DiscreteContinuousTask(4, 0.5)),
            ("spike-slab-m4-p0.5", new SpikeAndSlabTask(4, 0.5)),
            ("concat-3x3", new IndependentConcatenation(MultivariateNormalTask.CorrelatedPair(0.9), student2x2Nu5)),
        ];
        return Array.AsReadOnly(tasks);
    }
}
