using InfoTheory.Continuous;

namespace InfoTheory.Tests.Continuous;

/// <summary>
/// Every k-NN estimator, with scaling and ties off, equals the brute-force reference implementation of its published
/// formula (<see cref="KnnReference"/>) to 1e-12, for every neighbour-search method the engine offers.
/// </summary>
public sealed class KnnExactnessTests
{
    private static readonly double[] Shared = KnnTestData.Normals(90, 500);

    [Theory]
    [InlineData(1, 1, NeighborMetric.Euclidean)]
    [InlineData(3, 1, NeighborMetric.Maximum)]
    [InlineData(3, 3, NeighborMetric.Euclidean)]
    [InlineData(4, 2, NeighborMetric.Maximum)]
    public void KozachenkoLeonenko_MatchesReference(int k, int d, NeighborMetric metric)
    {
        SampleMatrix s = KnnTestData.Independent(80, d, 7 + d);
        double expected = KnnReference.Entropy(s, k, metric);
        KnnTestData.AllMatch(expected, KnnTestData.ForEachMethod(m =>
            new KozachenkoLeonenkoEntropy { K = k, Metric = metric, SearchMethod = m }.Estimate(s).Nats));
    }

    [Theory]
    [InlineData(KsgAlgorithm.One, 1, 1, 3)]
    [InlineData(KsgAlgorithm.One, 2, 3, 1)]
    [InlineData(KsgAlgorithm.Two, 1, 1, 3)]
    [InlineData(KsgAlgorithm.Two, 2, 3, 4)]
    public void Ksg_MatchesReference(KsgAlgorithm algorithm, int dx, int dy, int k)
    {
        SampleMatrix x = KnnTestData.Dependent(90, dx, 11, Shared), y = KnnTestData.Dependent(90, dy, 12, Shared);
        double expected = KnnReference.Ksg([x, y], k, algorithm);
        KnnTestData.AllMatch(expected, KnnTestData.ForEachMethod(m => new KsgMutualInformation
        {
            Algorithm = algorithm, K = k, Scaling = SampleScaling.None, Ties = TieHandling.None, SearchMethod = m,
        }.Estimate(x, y).Nats));
    }

    [Theory]
    [InlineData(KsgAlgorithm.One)]
    [InlineData(KsgAlgorithm.Two)]
    public void TotalCorrelation_ThreeVariables_MatchesReference(KsgAlgorithm algorithm)
    {
        SampleMatrix a = KnnTestData.Dependent(90, 1, 21, Shared), b = KnnTestData.Dependent(90, 2, 22, Shared), c = KnnTestData.Dependent(90, 1, 23, Shared);
        double expected = KnnReference.Ksg([a, b, c], 3, algorithm);
        KnnTestData.AllMatch(expected, KnnTestData.ForEachMethod(m => new KsgTotalCorrelation
        {
            Algorithm = algorithm, Scaling = SampleScaling.None, Ties = TieHandling.None, SearchMethod = m,
        }.Estimate(a, b, c).Nats));
    }

    [Fact]
    public void ConditionalMutualInformation_MatchesReference()
    {
        SampleMatrix x = KnnTestData.Dependent(90, 1, 31, Shared), y = KnnTestData.Dependent(90, 2, 32, Shared), z = KnnTestData.Dependent(90, 2, 33, Shared);
        double expected = KnnReference.ConditionalMutualInformation(x, y, z, 3);
        KnnTestData.AllMatch(expected, KnnTestData.ForEachMethod(m => new KsgConditionalMutualInformation
        {
            Scaling = SampleScaling.None, Ties = TieHandling.None, SearchMethod = m,
        }.Estimate(x, y, z).Nats));
    }

    [Theory]
    [InlineData(1, 1, NeighborMetric.Euclidean)]
    [InlineData(3, 2, NeighborMetric.Euclidean)]
    [InlineData(2, 3, NeighborMetric.Maximum)]
    public void Divergence_AndCrossEntropy_MatchReference(int k, int d, NeighborMetric metric)
    {
        SampleMatrix p = KnnTestData.Independent(70, d, 41), q = KnnTestData.Map(KnnTestData.Independent(55, d, 42), v => (1.5 * v) + 0.4);
        double expected = KnnReference.Divergence(p, q, k, metric);
        KnnTestData.AllMatch(expected, KnnTestData.ForEachMethod(m =>
            new KnnKullbackLeiblerDivergence { K = k, Metric = metric, SearchMethod = m }.Estimate(p, q).Nats));
        double cross = KnnReference.CrossEntropy(p, q, k, metric);
        KnnTestData.AllMatch(cross, KnnTestData.ForEachMethod(m =>
            new KnnKullbackLeiblerDivergence { K = k, Metric = metric, SearchMethod = m }.CrossEntropy(p, q).Nats));
    }

    [Theory]
    [InlineData(NeighborMetric.Maximum)]
    [InlineData(NeighborMetric.Euclidean)]
    public void Ross_MatchesReference(NeighborMetric metric)
    {
        // Three labels with enough samples, plus a label seen twice (k reduced to 1) and one seen once (left out).
        int n = 80;
        int[] labels = Enumerable.Range(0, n).Select(i => i % 3).ToArray();
        labels[10] = 7;
        labels[40] = 7;
        labels[55] = 9;
        SampleMatrix x = KnnTestData.Map(KnnTestData.Independent(n, 2, 51), v => v);
        double[] data = x.Data.ToArray();
        for (int i = 0; i < n; i++)
        {
            data[2 * i] += labels[i];
        }

        x = SampleMatrix.FromRowMajor(data, 2);
        double expected = KnnReference.Ross(labels, x, 3, metric);
        KnnTestData.AllMatch(expected, KnnTestData.ForEachMethod(m => new RossMutualInformation
        {
            Metric = metric, Scaling = SampleScaling.None, Ties = TieHandling.None, SearchMethod = m,
        }.Estimate(labels, x).Nats));
    }

    [Fact]
    public void MixedKsg_WithTiesAndContinuousPoints_MatchesReference()
    {
        // Half the samples continuous, half on the four points {−1, 1}²: many zero joint distances.
        int n = 90;
        double[] a = KnnTestData.Normals(n, 61), b = KnnTestData.Normals(n, 62);
        var random = new Random(63);
        for (int i = n / 2; i < n; i++)
        {
            a[i] = random.Next(2) * 2 - 1;
            b[i] = random.NextDouble() < 0.8 ? a[i] : -a[i];
        }

        SampleMatrix x = SampleMatrix.FromRowMajor(a, 1), y = SampleMatrix.FromRowMajor(b, 1);
        double expected = KnnReference.MixedKsg(x, y, 3);
        KnnTestData.AllMatch(expected, KnnTestData.ForEachMethod(m =>
            new MixedKsgMutualInformation { K = 3, Scaling = SampleScaling.None, SearchMethod = m, Counts = MixedKsgCounts.Paper }.Estimate(x, y).Nats));
        double released = KnnReference.MixedKsgDigamma(x, y, 3);
        KnnTestData.AllMatch(released, KnnTestData.ForEachMethod(m =>
            new MixedKsgMutualInformation { K = 3, Scaling = SampleScaling.None, SearchMethod = m, Counts = MixedKsgCounts.Digamma }.Estimate(x, y).Nats));
    }

    [Fact]
    public void MixedKsg_DigammaCounts_OnContinuousData_IsKsgOnePlusLogNMinusDigammaN()
    {
        // Without ties, the released form is ψ(k) + ln n − ⟨ψ(nₓ + 1) + ψ(n_y + 1)⟩ with strict counts: KSG algorithm 1
        // with ln n in place of ψ(n). The two implementations share no counting code path beyond the neighbour search.
        SampleMatrix x = KnnTestData.Dependent(80, 2, 81, Shared), y = KnnTestData.Dependent(80, 1, 82, Shared);
        double ksg = new KsgMutualInformation { K = 4, Scaling = SampleScaling.None, Ties = TieHandling.None }.Estimate(x, y).Nats;
        double mixed = new MixedKsgMutualInformation { K = 4, Scaling = SampleScaling.None, Counts = MixedKsgCounts.Digamma }.Estimate(x, y).Nats;
        Assert.Equal(ksg + Math.Log(80) - KnnReference.Psi(80), mixed, 1e-12);
        Assert.Equal(KnnReference.MixedKsgDigamma(x, y, 4), mixed, 1e-12);
    }

    [Fact]
    public void MixedKsg_DigammaCounts_ConstantX_IsAlmostZero()
    {
        // A constant X shares nothing with Y. The paper form gives ψ(k) − ln(k + 1) (−0.29 nats at k = 5); the released
        // form gives ln n − ψ(n) = 1/(2n) + O(n⁻²): every other sample is strictly within ρ in X, k − 1 are in Y.
        SampleMatrix x = SampleMatrix.FromRowMajor(Enumerable.Repeat(3.0, 200).ToArray(), 1);
        SampleMatrix y = SampleMatrix.FromRowMajor(KnnTestData.Normals(200, 83), 1);
        double released = new MixedKsgMutualInformation().Estimate(x, y).Nats; // the default form
        Assert.Equal(Math.Log(200) - KnnReference.Psi(200), released, 1e-12);
        Assert.Equal(KnnReference.Psi(5) - Math.Log(6), new MixedKsgMutualInformation { Counts = MixedKsgCounts.Paper }.Estimate(x, y).Nats, 1e-12);
        Assert.Throws<ArgumentOutOfRangeException>("Counts", () => new MixedKsgMutualInformation { Counts = (MixedKsgCounts)7 });
    }

    [Fact]
    public void MixedKsg_Multivariate_MatchesReference()
    {
        SampleMatrix x = KnnTestData.Dependent(80, 2, 71, Shared), y = KnnTestData.Dependent(80, 1, 72, Shared);
        double expected = KnnReference.MixedKsg(x, y, 4);
        KnnTestData.AllMatch(expected, KnnTestData.ForEachMethod(m =>
            new MixedKsgMutualInformation { K = 4, Scaling = SampleScaling.None, SearchMethod = m, Counts = MixedKsgCounts.Paper }.Estimate(x, y).Nats));
    }

    [Fact]
    public void TotalCorrelation_TwoVariables_IsKsgMutualInformation()
    {
        SampleMatrix x = KnnTestData.Dependent(90, 2, 81, Shared), y = KnnTestData.Dependent(90, 1, 82, Shared);
        Assert.Equal(new KsgMutualInformation().Estimate(x, y).Nats, new KsgTotalCorrelation().Estimate(x, y).Nats);
        Assert.Equal(
            new KsgMutualInformation { Algorithm = KsgAlgorithm.Two }.Estimate(x, y).Nats,
            new KsgTotalCorrelation { Algorithm = KsgAlgorithm.Two }.Estimate(x, y).Nats);
    }

    [Fact]
    public void TotalCorrelation_OfColumns_IsTotalCorrelationOfSingleColumnVariables()
    {
        SampleMatrix s = KnnTestData.Dependent(90, 3, 91, Shared);
        var estimator = new KsgTotalCorrelation();
        Assert.Equal(estimator.Estimate(s.SelectColumns(0), s.SelectColumns(1), s.SelectColumns(2)).Nats, estimator.Estimate(s).Nats);
    }

    [Fact]
    public void SpanOverloads_EqualMatrixOverloads()
    {
        double[] a = KnnTestData.Normals(60, 101), b = KnnTestData.Normals(60, 102), c = KnnTestData.Normals(60, 103);
        SampleMatrix ma = SampleMatrix.FromRowMajor(a, 1), mb = SampleMatrix.FromRowMajor(b, 1), mc = SampleMatrix.FromRowMajor(c, 1);
        Assert.Equal(new KozachenkoLeonenkoEntropy().Estimate(ma).Nats, new KozachenkoLeonenkoEntropy().Estimate(a).Nats);
        Assert.Equal(new KsgMutualInformation().Estimate(ma, mb).Nats, new KsgMutualInformation().Estimate(a, b).Nats);
        Assert.Equal(new MixedKsgMutualInformation().Estimate(ma, mb).Nats, new MixedKsgMutualInformation().Estimate(a, b).Nats);
        Assert.Equal(new KsgConditionalMutualInformation().Estimate(ma, mb, mc).Nats, new KsgConditionalMutualInformation().Estimate(a, b, c).Nats);
        Assert.Equal(new KnnKullbackLeiblerDivergence().Estimate(ma, mb).Nats, new KnnKullbackLeiblerDivergence().Estimate(a, b).Nats);
        int[] labels = Enumerable.Range(0, 60).Select(i => i % 2).ToArray();
        Assert.Equal(new RossMutualInformation().Estimate(labels, ma).Nats, new RossMutualInformation().Estimate(labels, a).Nats);

        // MI is symmetric: the continuous-first order (as the other estimators and mutual_info_classif(X, y)) gives the same bits.
        Assert.Equal(new RossMutualInformation().Estimate(labels, ma).Nats, new RossMutualInformation().Estimate(ma, labels).Nats);
        Assert.Equal(new RossMutualInformation().Estimate(labels, a).Nats, new RossMutualInformation().Estimate(a, labels).Nats);
    }
}
