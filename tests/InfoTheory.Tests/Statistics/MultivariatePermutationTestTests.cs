using InfoTheory.Continuous;
using InfoTheory.Statistics;
using InfoTheory.Testing;

namespace InfoTheory.Tests.Statistics;

/// <summary>The permutation test over rows of a <see cref="SampleMatrix"/>.</summary>
public sealed class MultivariatePermutationTestTests
{
    private static readonly GaussianMutualInformation Gaussian = new();

    [Fact]
    public void MutualInformation_Matrices_AnyDegreeOfParallelism_BitIdentical()
    {
        (SampleMatrix x, SampleMatrix y) = MultivariateNormalTask.SparseInteractions(2, 2, 1, 0.1).Sample(300, 4);
        PermutationTestResult serial = PermutationTest.MutualInformation(Gaussian, x, y, 64, seed: 9, maxDegreeOfParallelism: 1);
        PermutationTestResult parallel = PermutationTest.MutualInformation(Gaussian, x, y, 64, seed: 9);
        Assert.Equal(serial.NullDistribution.ToArray(), parallel.NullDistribution.ToArray());
        Assert.Equal(serial.PValue, parallel.PValue);
    }

    [Fact]
    public void MutualInformation_Matrices_StronglyDependent_SmallestPossiblePValue()
    {
        // ρ = 0.8 at n = 200: I ≈ 0.51 nats, while shuffled estimates are ≈ d²/(2n) = 0.01; no shuffle can reach it.
        (SampleMatrix x, SampleMatrix y) = MultivariateNormalTask.CorrelatedPair(0.8).Sample(200, 1);
        PermutationTestResult result = PermutationTest.MutualInformation(Gaussian, x, y, 99, seed: 3);
        Assert.Equal(1.0 / 100, result.PValue);
    }

    [Fact]
    public void MutualInformation_Matrices_RowsMoveWhole()
    {
        // X's two columns are equal; a shuffle that moved columns independently would break that and the
        // Gaussian estimator would see a non-singular X. Shuffling whole rows keeps them equal in every replicate.
        double[,] data = new double[50, 2];
        double[] ys = new double[50];
        var random = new Random(5);
        for (int i = 0; i < 50; i++)
        {
            data[i, 0] = data[i, 1] = random.NextDouble();
            ys[i] = random.NextDouble();
        }

        var recorder = new Recorder();
        PermutationTest.MutualInformation(recorder, SampleMatrix.FromArray(data), SampleMatrix.FromRowMajor(ys, 1), 10, seed: 1);
        Assert.Equal(11, recorder.Calls);
        Assert.True(recorder.RowsIntact);
    }

    [Fact]
    public void MutualInformation_Matrices_MismatchedRows_Throws()
    {
        SampleMatrix x = SampleMatrix.FromRowMajor([1.0, 2, 3], 1);
        SampleMatrix y = SampleMatrix.FromRowMajor([1.0, 2], 1);
        Assert.Throws<ArgumentException>(() => PermutationTest.MutualInformation(Gaussian, x, y, 10, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>("permutations", () => PermutationTest.MutualInformation(Gaussian, x, x, 0, seed: 1));
    }

    private sealed class Recorder : IMultivariateMutualInformationEstimator
    {
        private int _calls;
        private int _broken;

        public int Calls => _calls;

        public bool RowsIntact => _broken == 0;

        public Information Estimate(SampleMatrix x, SampleMatrix y)
        {
            Interlocked.Increment(ref _calls);
            for (int i = 0; i < x.Rows; i++)
            {
                if (x[i, 0] != x[i, 1])
                {
                    Interlocked.Increment(ref _broken);
                }
            }

            return Information.Zero;
        }
    }
}
