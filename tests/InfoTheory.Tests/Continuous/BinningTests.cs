using InfoTheory.Bottleneck;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using MathNet.Numerics.Distributions;

namespace InfoTheory.Tests.Continuous;

public sealed class BinningTests
{
    private static double[] Normals(int n, int seed)
    {
        double[] values = new double[n];
        Normal.Samples(new Random(seed), values, 0, 1);
        return values;
    }

    private static int[] Counts(int[] bins, int size)
    {
        int[] counts = new int[size];
        foreach (int b in bins)
        {
            counts[b]++;
        }

        return counts;
    }

    /// <summary>Plug-in entropy −Σ (c/n) ln(c/n) of counts, written out from the definition.</summary>
    private static double EntropyOfCounts(params int[] counts)
    {
        double n = counts.Sum();
        return -counts.Where(c => c > 0).Sum(c => c / n * Math.Log(c / n));
    }

    // ----- equal width -----

    [Fact]
    public void EqualWidth_IntegerData_EdgesAreEvenlySpaced()
    {
        // 0 … 10 in 5 bins: width 2, edges 0, 2, …, 10; bins [0,2), [2,4), …, [8,10] (the last closed).
        double[] values = Enumerable.Range(0, 11).Select(i => (double)i).ToArray();
        var binning = new EqualWidthBinning(5);
        Assert.Equal([0.0, 2, 4, 6, 8, 10], binning.Edges(values));
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4], binning.Discretize(values));
    }

    [Fact]
    public void EqualWidth_FixedRange_SplitsTheRangeAndClipsOutsideValues()
    {
        // (−1, 1) in 4 bins, as for tanh units: edges −1, −0.5, 0, 0.5, 1.
        var binning = new EqualWidthBinning(4) { Range = (-1, 1) };
        double[] values = [-3, -1, -0.5, -0.01, 0, 0.49, 0.5, 1, 7];
        Assert.Equal([-1.0, -0.5, 0, 0.5, 1], binning.Edges(values));
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 3], binning.Discretize(values));
    }

    [Fact]
    public void EqualWidth_ConstantData_IsOneBin()
    {
        var binning = new EqualWidthBinning(6);
        Assert.All(binning.Discretize([2.5, 2.5, 2.5]), b => Assert.Equal(0, b));
        Assert.All(binning.Edges([2.5, 2.5]), e => Assert.Equal(2.5, e));
    }

    [Fact]
    public void EqualWidth_HugeRange_EdgesStayFinite()
    {
        double[] edges = new EqualWidthBinning(4).Edges([-1e308, 1e308]);
        Assert.All(edges, e => Assert.True(double.IsFinite(e)));
        Assert.Equal(0.0, edges[2], 1e292);
    }

    [Fact]
    public void EqualWidth_OneBin_EverythingInBinZero()
    {
        Assert.All(new EqualWidthBinning(1).Discretize([3, -1, 8, 0]), b => Assert.Equal(0, b));
    }

    // ----- equal frequency -----

    [Fact]
    public void EqualFrequency_DistinctValues_BinsHoldEqualCounts()
    {
        // B divides n: exactly n/B per bin; otherwise ⌊n/B⌋ or ⌈n/B⌉.
        int[] exact = new EqualFrequencyBinning(10).Discretize(Normals(1000, 1));
        Assert.All(Counts(exact, 10), c => Assert.Equal(100, c));

        int[] uneven = new EqualFrequencyBinning(7).Discretize(Normals(1003, 2));
        Assert.All(Counts(uneven, 7), c => Assert.InRange(c, 143, 144));
    }

    [Fact]
    public void EqualFrequency_EdgesAreSampleQuantiles()
    {
        // Sorted 1 … 8 in 4 bins: interior edges at ranks ⌈8k/4⌉ = 2, 4, 6 → values 3, 5, 7.
        double[] values = [8, 3, 1, 6, 2, 7, 5, 4];
        var binning = new EqualFrequencyBinning(4);
        Assert.Equal([1.0, 3, 5, 7, 8], binning.Edges(values));
        Assert.Equal([3, 1, 0, 2, 0, 3, 2, 1], binning.Discretize(values));
    }

    [Fact]
    public void EqualFrequency_Ties_AreNeverSplit()
    {
        // Six zeros out of eight: the zeros fill the first two quantile positions, so bin 0 stays empty.
        double[] values = [0, 0, 3, 0, 0, 1, 0, 0];
        int[] bins = new EqualFrequencyBinning(4).Discretize(values);
        int zeroBin = bins[0];
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i] == 0, bins[i] == zeroBin);
        }

        Assert.Equal(0, Counts(bins, 4)[0]);
    }

    [Fact]
    public void EqualFrequency_FewerValuesThanBins_EachValueAlone()
    {
        int[] bins = new EqualFrequencyBinning(5).Discretize([2, 9, 4]);
        Assert.Equal(3, bins.Distinct().Count());
        Assert.True(bins[0] < bins[2] && bins[2] < bins[1]);
    }

    [Fact]
    public void EqualFrequency_IsDeterministicAndRowOrderFree()
    {
        double[] values = Normals(500, 3);
        int[] permutation = Enumerable.Range(0, 500).ToArray();
        new Random(5).Shuffle(permutation);
        var binning = new EqualFrequencyBinning(9);
        int[] bins = binning.Discretize(values);
        Assert.Equal(bins, binning.Discretize(values));
        int[] shuffled = binning.Discretize(permutation.Select(i => values[i]).ToArray());
        for (int k = 0; k < permutation.Length; k++)
        {
            Assert.Equal(bins[permutation[k]], shuffled[k]);
        }
    }

    // ----- entropy-based adaptive binning -----

    [Fact]
    public void Adaptive_DistinctValues_EdgesEveryUOverBDistinctValues()
    {
        // 1 … 12 in 3 bins: edges u[0], u[4], u[8], u[11] = 1, 5, 9, 12; four distinct values per bin.
        double[] values = Enumerable.Range(1, 12).Select(i => (double)i).ToArray();
        var binning = new EntropyBasedAdaptiveBinning(3);
        Assert.Equal([1.0, 5, 9, 12], binning.Edges(values));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2], binning.Discretize(values));
    }

    [Fact]
    public void Adaptive_RepeatedValues_CountOnce()
    {
        // Distinct values 0 … 6 (U = 7), the zero eight times. Edges u[⌊7k/3⌋] = u[2], u[4] = 2, 4:
        // {0, 1} → 0, {2, 3} → 1, {4, 5, 6} → 2. Equal-frequency binning would let the zeros take two quantile positions.
        double[] values = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6];
        var binning = new EntropyBasedAdaptiveBinning(3);
        Assert.Equal([0.0, 2, 4, 6], binning.Edges(values));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2], binning.Discretize(values));
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2], new EqualFrequencyBinning(3).Discretize(values));
    }

    [Fact]
    public void Adaptive_SaturationValue_GetsABinOfItsOwn()
    {
        // ReLU-style: the zeros get index 0; 1 … 6 (U = 6) split into 3 bins of two distinct values, indices 1 … 3.
        double[] values = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6];
        var binning = new EntropyBasedAdaptiveBinning(3) { SaturationValue = 0 };
        Assert.Equal([1.0, 3, 5, 6], binning.Edges(values));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3], binning.Discretize(values));
        Assert.All(binning.Discretize([0, 0, 0]), b => Assert.Equal(0, b));
        Assert.All(binning.Edges([0, 0]), e => Assert.Equal(0, e));
    }

    [Fact]
    public void Adaptive_RoundedData_EachBinHoldsFloorOrCeilOfUOverBDistinctValues()
    {
        // Values rounded to 0.01 repeat a lot; count distinct values per bin.
        double[] values = Normals(5000, 8).Select(v => Math.Round(v, 2)).ToArray();
        int distinctCount = values.Distinct().Count();
        int[] bins = new EntropyBasedAdaptiveBinning(13).Discretize(values);
        int[] distinctPerBin = new int[13];
        foreach (var group in values.Zip(bins).Distinct().GroupBy(p => p.Second))
        {
            distinctPerBin[group.Key] = group.Count();
        }

        Assert.All(distinctPerBin, c => Assert.InRange(c, distinctCount / 13, (distinctCount + 12) / 13));
    }

    [Fact]
    public void Adaptive_UnboundedActivationsWithOutlier_KeepsTheBinnedEntropy()
    {
        // ReLU-like activity: exponential values plus one huge activation. Equal-width bins over the observed range put
        // nearly everything into bin 0, while the adaptive bins stay equally occupied (continuous values: distinct =
        // samples), so the binned entropy is ln 10 up to the one outlier's share.
        var random = new Random(12);
        double[] values = new double[2000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = -Math.Log(1 - random.NextDouble());
        }

        values[^1] = 1000;
        double adaptive = new PlugInEntropy().Estimate(new EntropyBasedAdaptiveBinning(10).Discretize(values)).Nats;
        double equalWidth = new PlugInEntropy().Estimate(new EqualWidthBinning(10).Discretize(values)).Nats;
        Assert.Equal(Math.Log(10), adaptive, 1e-12);
        Assert.True(equalWidth < 0.01, $"equal-width binned entropy {equalWidth}");
    }

    [Fact]
    public void RankBasedBinnings_StrictlyIncreasingMap_GivesTheSameBins()
    {
        double[] values = Normals(800, 14);
        double[] mapped = values.Select(v => Math.Exp(3 * v) + (v * v * v)).ToArray();
        Assert.Equal(new EqualFrequencyBinning(11).Discretize(values), new EqualFrequencyBinning(11).Discretize(mapped));
        Assert.Equal(new EntropyBasedAdaptiveBinning(11).Discretize(values), new EntropyBasedAdaptiveBinning(11).Discretize(mapped));
    }

    // ----- matrices: scope and joint symbols -----

    [Fact]
    public void Scope_PooledSharesEdges_PerColumnFitsEachColumn()
    {
        // Column 0 in [0, 1], column 1 in [0, 100]. Pooled, 2 equal-width bins over [0, 100]: column 0 all in bin 0.
        SampleMatrix m = SampleMatrix.FromRows([[0, 0], [0.2, 100], [0.9, 40], [1, 70]]);
        int[][] pooled = new EqualWidthBinning(2).DiscretizeColumns(m);
        int[][] perColumn = new EqualWidthBinning(2) { Scope = BinningScope.PerColumn }.DiscretizeColumns(m);
        Assert.Equal([0, 0, 0, 0], pooled[0]);
        Assert.Equal([0, 1, 0, 1], pooled[1]);
        Assert.Equal([0, 0, 1, 1], perColumn[0]);
        Assert.Equal([0, 1, 0, 1], perColumn[1]);
    }

    [Fact]
    public void Discretize_Matrix_EqualSymbolsExactlyForEqualBinVectors()
    {
        double[] a = Normals(300, 20), b = Normals(300, 21);
        SampleMatrix m = SampleMatrix.FromRowMajor(a.Zip(b, (u, v) => new[] { u, v }).SelectMany(r => r).ToArray(), 2);
        var binning = new EqualFrequencyBinning(3) { Scope = BinningScope.PerColumn };
        int[] symbols = binning.Discretize(m);
        int[] binsA = binning.Discretize(a), binsB = binning.Discretize(b);
        for (int i = 0; i < 300; i++)
        {
            for (int j = 0; j < 300; j++)
            {
                Assert.Equal(binsA[i] == binsA[j] && binsB[i] == binsB[j], symbols[i] == symbols[j]);
            }
        }

        int distinctPairs = binsA.Zip(binsB).Distinct().Count();
        Assert.Equal(Enumerable.Range(0, distinctPairs), symbols.Distinct().Order());
    }

    [Fact]
    public void Discretize_Matrix_RowPermutationPermutesTheSymbols()
    {
        double[] data = Normals(600, 30);
        SampleMatrix m = SampleMatrix.FromRowMajor(data, 3);
        int[] p = Enumerable.Range(0, 200).ToArray();
        new Random(2).Shuffle(p);
        SampleMatrix shuffled = SampleMatrix.FromRows(p.Select(i => m.Row(i).ToArray()).ToArray());
        var binning = new EntropyBasedAdaptiveBinning(4);
        int[] symbols = binning.Discretize(m), shuffledSymbols = binning.Discretize(shuffled);
        for (int k = 0; k < p.Length; k++)
        {
            Assert.Equal(symbols[p[k]], shuffledSymbols[k]);
        }
    }

    [Fact]
    public void Discretize_DoesNotModifyItsInput()
    {
        double[] values = [3, 1, 2, 2, 9];
        double[] copy = (double[])values.Clone();
        new EqualFrequencyBinning(2).Discretize(values);
        new EntropyBasedAdaptiveBinning(2).Edges(values);
        Assert.Equal(copy, values);
    }

    [Fact]
    public void ActivationBinning_EqualWidth_IsThePooledEqualWidthBinning()
    {
        var random = new Random(6);
        float[] activations = Enumerable.Range(0, 400 * 3).Select(_ => (float)random.NextDouble()).ToArray();
        SampleMatrix m = SampleMatrix.FromRowMajor(activations.Select(a => (double)a).ToArray(), 3);
        Assert.Equal(new EqualWidthBinning(5).Discretize(m), ActivationBinning.EqualWidth(activations, 3, 5));
        Assert.Equal(new EntropyBasedAdaptiveBinning(5).Discretize(m), ActivationBinning.Discretize(activations, 3, new EntropyBasedAdaptiveBinning(5)));
        Assert.Equal("binning", Assert.Throws<ArgumentNullException>(() => ActivationBinning.Discretize(activations, 3, null!)).ParamName);
    }

    // ----- binned mutual information -----

    [Fact]
    public void BinnedMutualInformation_MonotoneFunction_EqualFrequency_IsLogBins()
    {
        // y = f(x) strictly increasing: rank-based bins of y are those of x, so Î = H(bin x) = ln 10 (100 per bin).
        double[] x = Normals(1000, 40);
        double[] y = x.Select(v => Math.Exp(v) + v).ToArray();
        Assert.Equal(Math.Log(10), new BinnedMutualInformation(new EqualFrequencyBinning(10)).Estimate(x, y).Nats, 1e-12);
        Assert.Equal(Math.Log(10), new BinnedMutualInformation(new EntropyBasedAdaptiveBinning(10)).Estimate(x, y).Nats, 1e-12);
    }

    [Fact]
    public void BinnedMutualInformation_AlignedEqualWidthBins_EqualsEntropyOfBinnedX()
    {
        // x = 0 … 100, y = 2x + 1, 10 bins: edges 10k and 1 + 20k, exact in binary, so bin(y) = bin(x) = ⌊x/10⌋
        // (100 joins bin 9). Counts: nine bins of 10, one of 11.
        double[] x = Enumerable.Range(0, 101).Select(i => (double)i).ToArray();
        double[] y = x.Select(v => (2 * v) + 1).ToArray();
        double expected = EntropyOfCounts(10, 10, 10, 10, 10, 10, 10, 10, 10, 11);
        Assert.Equal(expected, new BinnedMutualInformation(new EqualWidthBinning(10)).Estimate(x, y).Nats, 1e-12);
    }

    [Fact]
    public void BinnedMutualInformation_Multivariate_TIsFunctionOfX_GivesEntropyOfT()
    {
        // X = a sample index binned one value per bin, so bin(X) is one symbol per sample and I(X;T) = H(bin T) for any
        // binned T (the situation of the information plane with X the input index).
        double[] t = Normals(900, 50);
        SampleMatrix layer = SampleMatrix.FromRowMajor(t, 3);
        SampleMatrix index = SampleMatrix.FromRowMajor(Enumerable.Range(0, 300).Select(i => (double)i).ToArray(), 1);
        var coarse = new EqualWidthBinning(4);
        var estimator = new BinnedMutualInformation(new EqualFrequencyBinning(300)) { YBinning = coarse };
        double expected = new PlugInEntropy().Estimate(coarse.Discretize(layer)).Nats;
        Assert.Equal(300, estimator.Binning.Discretize(index).Distinct().Count());
        Assert.Equal(expected, estimator.Estimate(index, layer).Nats, 1e-12);
        Assert.True(expected > 1);

        // With the coarse binning on X too, X keeps only 4 symbols and the estimate drops below H(bin T).
        Assert.True(new BinnedMutualInformation(coarse).Estimate(index, layer).Nats < expected - 0.1);
    }

    [Fact]
    public void BinnedMutualInformation_Independent_PlugInIsNearItsKnownBias()
    {
        // Independent X, Y with B = 8 equal-frequency bins each, n = 10 000: 2n·Î is about χ² with (B − 1)² = 49
        // degrees of freedom (Miller 1955), so E[Î] ≈ 49/(2n) = 0.00245 nats and sd ≈ √(2·49)/(2n) ≈ 0.0005.
        // Bound: bias ± 5 sd. The Miller–Madow-corrected estimate subtracts about that bias: 0 ± 5 sd.
        double[] x = Normals(10_000, 60), y = Normals(10_000, 61);
        double plugIn = new BinnedMutualInformation(new EqualFrequencyBinning(8)).Estimate(x, y).Nats;
        Assert.InRange(plugIn, 0.00245 - 0.0025, 0.00245 + 0.0025);
        var corrected = new BinnedMutualInformation(new EqualFrequencyBinning(8), new DiscreteMutualInformation(new MillerMadowEntropy()));
        Assert.InRange(corrected.Estimate(x, y).Nats, -0.0025, 0.0025);
    }

    [Fact]
    public void BinnedMutualInformation_SpanAndMatrixOverloadsAgree()
    {
        double[] x = Normals(200, 70), y = Normals(200, 71).Zip(x, (e, v) => v + e).ToArray();
        var estimator = new BinnedMutualInformation(new EqualWidthBinning(6));
        Assert.Equal(
            estimator.Estimate(SampleMatrix.FromRowMajor(x, 1), SampleMatrix.FromRowMajor(y, 1)).Nats,
            estimator.Estimate(x, y).Nats);
        Assert.True(estimator.Estimate(x, y).Nats > 0.1);
    }

    // ----- bad input -----

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructors_BinsBelowOne_ThrowNamingBins(int bins)
    {
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => new EqualWidthBinning(bins)).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => new EqualFrequencyBinning(bins)).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => new EntropyBasedAdaptiveBinning(bins)).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationBinning.EqualWidth([1f], 1, bins)).ParamName);
    }

    [Fact]
    public void Options_OutOfRange_ThrowNamingTheOption()
    {
        Assert.Equal("Range", Assert.Throws<ArgumentOutOfRangeException>(() => new EqualWidthBinning(3) { Range = (1, 1) }).ParamName);
        Assert.Equal("Range", Assert.Throws<ArgumentOutOfRangeException>(() => new EqualWidthBinning(3) { Range = (double.NaN, 1) }).ParamName);
        Assert.Equal("Range", Assert.Throws<ArgumentOutOfRangeException>(() => new EqualWidthBinning(3) { Range = (0, double.PositiveInfinity) }).ParamName);
        Assert.Equal("Scope", Assert.Throws<ArgumentOutOfRangeException>(() => new EqualFrequencyBinning(3) { Scope = (BinningScope)7 }).ParamName);
        Assert.Equal("SaturationValue", Assert.Throws<ArgumentOutOfRangeException>(() => new EntropyBasedAdaptiveBinning(3) { SaturationValue = double.NaN }).ParamName);
    }

    [Fact]
    public void Discretize_BadValues_ThrowNamingValues()
    {
        var binning = new EqualFrequencyBinning(3);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => binning.Discretize(ReadOnlySpan<double>.Empty)).ParamName);
        var ex = Assert.Throws<ArgumentException>(() => binning.Discretize([1, double.NaN]));
        Assert.Equal("values", ex.ParamName);
        Assert.Contains("index 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => binning.Edges([double.NegativeInfinity])).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentNullException>(() => binning.Discretize((SampleMatrix)null!)).ParamName);
    }

    [Fact]
    public void BinnedMutualInformation_BadInput_ThrowsNamingTheParameter()
    {
        Assert.Equal("binning", Assert.Throws<ArgumentNullException>(() => new BinnedMutualInformation(null!)).ParamName);
        var estimator = new BinnedMutualInformation(new EqualWidthBinning(3));
        SampleMatrix x = SampleMatrix.FromRows([[1], [2], [3]]), y = SampleMatrix.FromRows([[1], [2]]);
        var rows = Assert.Throws<ArgumentException>(() => estimator.Estimate(x, y));
        Assert.Equal("y", rows.ParamName);
        Assert.Contains("x has 3 rows but y has 2", rows.Message, StringComparison.Ordinal);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => estimator.Estimate([1.0, 2, 3], [1.0, 2])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => estimator.Estimate([1.0, double.NaN], [1.0, 2])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentNullException>(() => estimator.Estimate(null!, y)).ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentNullException>(() => estimator.Estimate(x, null!)).ParamName);
    }
}
