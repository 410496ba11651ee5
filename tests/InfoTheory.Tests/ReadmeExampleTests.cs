using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Measures;
using InfoTheory.Multivariate;
using InfoTheory.Primitives;
using InfoTheory.Statistics;

namespace InfoTheory.Tests;

/// <summary>The README quick start, compiled and checked, so the documented calls keep working.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void QuickStart_RunsAndGivesTheDocumentedValues()
    {
        Information h = Entropy.Shannon([0.5, 0.25, 0.25]);
        Assert.Equal("1.500 bits", h.ToString(null, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.5 * Math.Log(2), h.Nats, 1e-15);

        Information kl = Divergence.KullbackLeibler([0.9, 0.1], [0.5, 0.5]);
        var joint = JointDistribution.FromTable(new double[,] { { 0.45, 0.05 }, { 0.05, 0.45 } });
        Information mi = MutualInformation.Of(joint);
        Assert.Equal(kl.Bits, mi.Bits, 1e-12); // both are 1 − H_b(0.1)

        float[] logits = new float[8 * 1024];
        float[] perRow = new float[8];
        InformationPrimitives.SoftmaxEntropyRows(logits, 1024, perRow, logBase: LogBase.Two);
        Assert.All(perRow, v => Assert.Equal(10f, v, 1e-5f)); // zero logits: uniform over 1024 = 10 bits
    }

    [Fact]
    public void FromData_RunsAndGivesConsistentValues()
    {
        int[] x = [0, 1, 1, 2, 0, 2, 1, 0], y = [0, 1, 1, 1, 0, 1, 1, 0];
        Information plugIn = new DiscreteMutualInformation().Estimate(x, y);
        Information nsb = new NsbEntropy { AlphabetSize = 3 }.Estimate(x);
        double p = PermutationTest.MutualInformation(new DiscreteMutualInformation(), x, y, 999, seed: 1).PValue;

        // y = (x != 0): I(X;Y) = H(Y) = H_b(3/8) in the plug-in; NSB lies in [0, ln 3]; p in (0, 1].
        double hb = -(0.375 * Math.Log(0.375)) - (0.625 * Math.Log(0.625));
        Assert.Equal(hb, plugIn.Nats, 1e-12);
        Assert.InRange(nsb.Nats, 0, Math.Log(3));
        Assert.InRange(p, 1.0 / 1000, 1.0);
    }

    [Fact]
    public void FromContinuousData_RunsAndGivesConsistentValues()
    {
        double[,] xs = { { 0.1, 1.2 }, { 0.4, 0.9 }, { 0.8, 0.3 }, { 1.1, 0.2 }, { 1.5, -0.4 }, { 1.9, -0.3 } };
        double[] ys = [0.2, 0.5, 0.4, 1.2, 1.0, 2.1];
        SampleMatrix X = SampleMatrix.FromArray(xs), Y = SampleMatrix.FromRowMajor(ys, 1);
        Information ksg = new KsgMutualInformation { K = 3 }.Estimate(X, Y);
        Information hybrid = new HybridMutualInformation(new KsgMutualInformation()).Estimate(X, Y);
        Information copula = new GaussianCopulaMutualInformation().Estimate(X, Y);

        // Six points are too few for accuracy; what must hold: finite results, and the copula estimate equals the
        // Gaussian MI of the normal scores (its definition).
        Assert.True(double.IsFinite(ksg.Nats));
        Assert.True(double.IsFinite(hybrid.Nats));
        Assert.Equal(new GaussianMutualInformation().Estimate(NormalScores.Transform(X), NormalScores.Transform(Y)).Nats, copula.Nats, 1e-12);
    }

    [Fact]
    public void ManyVariables_RunsAndGivesTheDocumentedValues()
    {
        DiscreteDistribution xor = DiscreteDistribution.Uniform(["000", "011", "101", "110"]);
        Information omega = MultivariateInformation.OInformation(xor);
        PartialInformationDecomposition pid = PartialInformation.Decompose(xor, new BrojaRedundancy());
        Information synergy = pid.Synergy;
        Assert.Equal(-1, omega.Bits, 1e-12);
        Assert.Equal(1, synergy.Bits, 1e-9);

        // Five columns: 0, 1, 2 copies of one variable plus small distinct perturbations, 3 and 4 unrelated.
        double[] data = new double[200 * 5];
        var random = new Random(1);
        for (int i = 0; i < 200; i++)
        {
            double f = random.NextDouble();
            for (int j = 0; j < 5; j++)
            {
                data[(i * 5) + j] = j < 3 ? f + (0.05 * random.NextDouble()) : random.NextDouble();
            }
        }

        SampleMatrix samples = SampleMatrix.FromRowMajor(data, 5);
        MultipletSearchResult found = new MultipletSearch { Order = 3, Top = 10 }.Run(samples);
        Assert.Equal([0, 1, 2], found.Highest[0].Variables);
        Assert.Equal(10, found.Evaluated);
    }
}
