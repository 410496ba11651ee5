using InfoTheory.Continuous;
using InfoTheory.Continuous.Neighbors;

namespace InfoTheory.Tests.Continuous.Neighbors;

/// <summary>Argument checks and the automatic choice of method.</summary>
public sealed class NeighborSearchApiTests
{
    public static TheoryData<string> AllMethods()
    {
        var data = new TheoryData<string> { "Reference" };
        foreach (string method in NeighborData.OneDimensionalMethods)
        {
            data.Add(method);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void KNearest_BadK_ThrowsArgumentOutOfRange(string method)
    {
        SampleMatrix points = NeighborData.Points(PointKind.Gaussian, 6, 1, seed: 3);
        NeighborSearch search = NeighborData.Create(method, points, NeighborMetric.Maximum);
        int[] neighbors = new int[100];
        double[] distances = new double[100];
        foreach (int k in new[] { 0, -1, 6, 7 })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => search.KNearest(k, neighbors, distances, -1));
            Assert.Equal("k", e.ParamName);
        }

        foreach (int k in new[] { 0, -1, 7 })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => search.KNearest(points, k, neighbors, distances, -1));
            Assert.Equal("k", e.ParamName);
        }

        // k = n is fine for points outside the index.
        search.KNearest(points, 6, neighbors, distances, -1);
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void Queries_ShortOutputsOrWrongDimension_ThrowArgumentException(string method)
    {
        SampleMatrix points = NeighborData.Points(PointKind.Gaussian, 10, 1, seed: 4);
        NeighborSearch search = NeighborData.Create(method, points, NeighborMetric.Euclidean);
        Assert.Throws<ArgumentException>(() => search.KNearest(2, new int[19], new double[20], -1));
        Assert.Throws<ArgumentException>(() => search.KNearest(2, new int[20], new double[19], -1));
        Assert.Throws<ArgumentException>(() => search.KNearest(points, 2, new int[19], new double[20], -1));
        Assert.Throws<ArgumentException>(() => search.KNearest(SampleMatrix.FromRowMajor([1.0, 2], 2), 1, new int[1], new double[1], -1));
        Assert.Throws<ArgumentNullException>(() => search.KNearest(null!, 1, new int[1], new double[1], -1));
        Assert.Throws<ArgumentException>(() => search.CountWithin(new double[9], false, new int[10], -1));
        Assert.Throws<ArgumentException>(() => search.CountWithin(new double[10], false, new int[9], -1));
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public void Queries_ZeroOrNegativeParallelism_ThrowArgumentOutOfRange(string method)
    {
        SampleMatrix points = NeighborData.Points(PointKind.Gaussian, 10, 1, seed: 6);
        NeighborSearch search = NeighborData.Create(method, points, NeighborMetric.Maximum);
        foreach (int parallelism in new[] { 0, -2 })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => search.KNearest(2, new int[20], new double[20], parallelism));
            Assert.Throws<ArgumentOutOfRangeException>(() => search.KNearest(points, 2, new int[20], new double[20], parallelism));
            Assert.Throws<ArgumentOutOfRangeException>(() => search.CountWithin(new double[10], false, new int[10], parallelism));
        }
    }

    [Fact]
    public void Create_SortedForSeveralColumns_ThrowsArgumentException()
    {
        SampleMatrix points = NeighborData.Points(PointKind.Gaussian, 10, 2, seed: 5);
        Assert.Throws<ArgumentException>(() => NeighborSearch.Create(points, NeighborMetric.Maximum, NeighborSearchMethod.Sorted));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.Create(points, (NeighborMetric)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeighborSearch.Create(points, NeighborMetric.Maximum, (NeighborSearchMethod)99));
        Assert.Throws<ArgumentNullException>(() => NeighborSearch.Create(null!, NeighborMetric.Maximum));
    }

    [Fact]
    public void Create_Automatic_PicksByCountAndDimension()
    {
        Assert.IsType<SortedNeighborSearch>(NeighborSearch.Create(NeighborData.Points(PointKind.Gaussian, 5, 1, 1), NeighborMetric.Maximum));
        Assert.IsType<SortedNeighborSearch>(NeighborSearch.Create(NeighborData.Points(PointKind.Gaussian, 50_000, 1, 1), NeighborMetric.Euclidean));
        Assert.IsType<VectorizedBruteForceNeighborSearch>(NeighborSearch.Create(NeighborData.Points(PointKind.Gaussian, 20, 2, 1), NeighborMetric.Maximum));
        Assert.IsType<KdTreeNeighborSearch>(NeighborSearch.Create(NeighborData.Points(PointKind.Gaussian, 50_000, 2, 1), NeighborMetric.Maximum));
        Assert.Equal(NeighborSearchMethod.KdTree, NeighborSearch.Choose(1_000_000, 3));
        Assert.Equal(NeighborSearchMethod.VectorizedBruteForce, NeighborSearch.Choose(10, 3));
    }

    [Fact]
    public void KNearest_SinglePoint_ExternalQueryFindsIt()
    {
        SampleMatrix points = SampleMatrix.FromRowMajor([1.0, 2], 2);
        foreach (string method in NeighborData.Methods)
        {
            NeighborSearch search = NeighborData.Create(method, points, NeighborMetric.Euclidean);
            var (neighbors, distances) = NeighborAssert.KNearest(search, SampleMatrix.FromRowMajor([4.0, 6], 2), 1);
            Assert.Equal(0, neighbors[0]);
            Assert.Equal(5.0, distances[0]);
            Assert.Equal([0], NeighborAssert.CountWithin(search, [1.0], inclusive: true));
        }

        SampleMatrix line = SampleMatrix.FromRowMajor([1.5], 1);
        foreach (string method in NeighborData.OneDimensionalMethods)
        {
            NeighborSearch search = NeighborData.Create(method, line, NeighborMetric.Maximum);
            var (neighbors, distances) = NeighborAssert.KNearest(search, SampleMatrix.FromRowMajor([-1.0, 2], 1), 1);
            Assert.Equal([0, 0], neighbors);
            Assert.Equal([2.5, 0.5], distances);
            Assert.Equal([0], NeighborAssert.CountWithin(search, [1.0], inclusive: true));
        }
    }
}
