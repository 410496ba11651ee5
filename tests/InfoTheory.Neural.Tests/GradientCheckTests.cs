using InfoTheory.Neural.Internal;

namespace InfoTheory.Neural.Tests;

/// <summary>
/// The hand-written backward passes against central finite differences, in double precision. With step h = 10⁻⁶ the
/// central difference has truncation error O(h²·f''') ≈ 10⁻¹² and rounding error ≈ ε·|L|/h ≈ 10⁻¹⁰ for |L| ~ 1, so
/// agreement to 10⁻⁶ relative (plus 10⁻⁸ absolute) leaves a wide margin while any wrong term (a missing sum, a
/// transposed index, a wrong mask) shows up at order 1. A ReLU kink within h of a pre-activation would break the
/// comparison; with continuous random weights and inputs that has probability ~10⁻⁵ per unit and is fixed by the seeds.
/// </summary>
public sealed class GradientCheckTests
{
    private const double Step = 1e-6;

    public static TheoryData<int, int, int[]> Shapes => new()
    {
        { 1, 1, [4] },
        { 2, 3, [5, 3] },
        { 3, 2, [4, 4, 3] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void JointCritic_Backward_MatchesFiniteDifferences(int dx, int dy, int[] hidden)
    {
        const int k = 6;
        var critic = new JointCritic<double>(dx, dy, hidden, k, new Random(1));
        CheckCritic(critic, dx, dy, k, seed: 2);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SeparableCritic_Backward_MatchesFiniteDifferences(int dx, int dy, int[] hidden)
    {
        const int k = 6;
        var critic = new SeparableCritic<double>(dx, dy, hidden, 4, k, new Random(3));
        CheckCritic(critic, dx, dy, k, seed: 4);
    }

    [Theory]
    [InlineData(CriticObjective.InfoNce)]
    [InlineData(CriticObjective.NguyenWainwrightJordan)]
    [InlineData(CriticObjective.Mine)]
    [InlineData(CriticObjective.JensenShannon)]
    public void Objective_Gradient_MatchesFiniteDifferences(CriticObjective objective)
    {
        // On the first step MINE's moving average equals the batch mean, so its gradient is the exact DV gradient.
        const int k = 5;
        var random = new Random(5);
        double[] scores = new double[k * k];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = (random.NextDouble() * 4) - 2;
        }

        double[] gradient = new double[k * k];
        _ = TrainingObjective.Evaluate<double>(objective, scores, k, gradient, new TrainingObjective.State(), 0.01);
        double[] scratch = new double[k * k];
        for (int p = 0; p < scores.Length; p++)
        {
            double saved = scores[p];
            scores[p] = saved + Step;
            double up = TrainingObjective.Evaluate<double>(objective, scores, k, scratch, new TrainingObjective.State(), 0.01);
            scores[p] = saved - Step;
            double down = TrainingObjective.Evaluate<double>(objective, scores, k, scratch, new TrainingObjective.State(), 0.01);
            scores[p] = saved;
            // Evaluate returns the objective being maximised and writes the loss gradient, −∂objective/∂S.
            double numeric = -(up - down) / (2 * Step);
            Assert.True(Math.Abs(numeric - gradient[p]) <= 1e-8 + (1e-6 * Math.Abs(numeric)), $"score {p}: analytic {gradient[p]}, numeric {numeric}");
        }
    }

    [Fact]
    public void Mine_AfterFirstStep_DividesByTheMovingAverage()
    {
        // Belghazi et al. (2018): the gradient of −ln M uses M̄ = (1 − α) M̄_prev + α M. Two batches of constant scores
        // make every term known: batch 1 has e^S = e⁰ = 1 off the diagonal (M̄ = 1), batch 2 has e^S = e² (M = e²),
        // so M̄ = 0.9 + 0.1 e² and each off-diagonal loss gradient is e² / (K(K − 1) M̄).
        const int k = 4;
        const double alpha = 0.1;
        var state = new TrainingObjective.State();
        double[] gradient = new double[k * k];
        _ = TrainingObjective.Evaluate<double>(CriticObjective.Mine, new double[k * k], k, gradient, state, alpha);
        double[] second = Enumerable.Repeat(2.0, k * k).ToArray();
        _ = TrainingObjective.Evaluate<double>(CriticObjective.Mine, second, k, gradient, state, alpha);
        double average = (1 - alpha) + (alpha * Math.Exp(2));
        double expected = Math.Exp(2) / (k * (k - 1) * average);
        Assert.Equal(expected, gradient[1], 1e-12);
        Assert.Equal(-1.0 / k, gradient[0], 1e-15);
    }

    /// <summary>L = Σᵢⱼ Gᵢⱼ Sᵢⱼ(θ) for a fixed random G, so ∂L/∂θ is what AccumulateGradients(G) must return.</summary>
    private static void CheckCritic(ManagedCritic<double> critic, int dx, int dy, int k, int seed)
    {
        var random = new Random(seed);
        // Biases start at 0, so a unit whose inputs are all inactive sits exactly on its ReLU kink, where the
        // one-sided derivatives differ and a central difference reads ½: move every parameter off the initial values.
        double[] parameters = critic.Parameters;
        for (int p = 0; p < parameters.Length; p++)
        {
            parameters[p] += (random.NextDouble() - 0.5) * 0.2;
        }

        double[] x = Random(random, dx * k);
        double[] y = Random(random, dy * k);
        double[] weights = Random(random, k * k);
        double[] scores = new double[k * k];
        critic.Score(x, y, k, scores);
        Array.Clear(critic.Gradients);
        critic.AccumulateGradients(weights, k);
        double[] analytic = (double[])critic.Gradients.Clone();
        var bad = new List<string>();
        for (int p = 0; p < parameters.Length; p++)
        {
            double saved = parameters[p];
            parameters[p] = saved + Step;
            double up = Loss(critic, x, y, k, weights);
            parameters[p] = saved - Step;
            double down = Loss(critic, x, y, k, weights);
            parameters[p] = saved;
            double numeric = (up - down) / (2 * Step);
            if (Math.Abs(numeric - analytic[p]) > 1e-8 + (1e-6 * Math.Abs(numeric))) { bad.Add($"parameter {p}: analytic {analytic[p]}, numeric {numeric}"); }
        }

        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    private static double Loss(ManagedCritic<double> critic, double[] x, double[] y, int k, double[] weights)
    {
        double[] scores = new double[k * k];
        critic.Score(x, y, k, scores);
        double sum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            sum += weights[i] * scores[i];
        }

        return sum;
    }

    private static double[] Random(Random random, int length)
    {
        double[] values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (random.NextDouble() * 2) - 1;
        }

        return values;
    }
}
