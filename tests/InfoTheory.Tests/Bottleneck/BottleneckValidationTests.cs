using InfoTheory.Bottleneck;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Bottleneck;

/// <summary>Bad input to the bottleneck solvers: checked before any work, with the parameter named.</summary>
public sealed class BottleneckValidationTests
{
    private static readonly JointDistribution Joint = BottleneckJoints.Random(41);

    public static TheoryData<IInformationBottleneckSolver> Solvers => new() { new IterativeInformationBottleneck(), new DeterministicInformationBottleneck() };

    [Theory]
    [MemberData(nameof(Solvers))]
    public void Solve_BadBeta_Throws(IInformationBottleneckSolver solver)
    {
        foreach (double beta in new[] { -1e-9, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => solver.Solve(Joint, 2, beta)).ParamName);
        }
    }

    [Theory]
    [MemberData(nameof(Solvers))]
    public void Solve_BadClustersOrJoint_Throws(IInformationBottleneckSolver solver)
    {
        Assert.Equal("clusters", Assert.Throws<ArgumentOutOfRangeException>(() => solver.Solve(Joint, 0, 1)).ParamName);
        Assert.Equal("joint", Assert.Throws<ArgumentNullException>(() => solver.Solve(null!, 2, 1)).ParamName);
        var rank3 = new JointDistribution(Enumerable.Repeat(1.0 / 8, 8).ToArray(), [2, 2, 2]);
        Assert.Equal("joint", Assert.Throws<ArgumentException>(() => solver.Solve(rank3, 2, 1)).ParamName);
    }

    [Fact]
    public void Settings_OutOfRange_Throw()
    {
        Assert.Equal("Restarts", Assert.Throws<ArgumentOutOfRangeException>(() => new IterativeInformationBottleneck { Restarts = 0 }).ParamName);
        Assert.Equal("MaxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new IterativeInformationBottleneck { MaxIterations = 0 }).ParamName);
        Assert.Equal("Tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new IterativeInformationBottleneck { Tolerance = 0 }).ParamName);
        Assert.Equal("Tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new IterativeInformationBottleneck { Tolerance = double.NaN }).ParamName);
        Assert.Equal("Restarts", Assert.Throws<ArgumentOutOfRangeException>(() => new DeterministicInformationBottleneck { Restarts = -1 }).ParamName);
        Assert.Equal("MaxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new DeterministicInformationBottleneck { MaxIterations = 0 }).ParamName);
    }

    [Fact]
    public void Curve_BadBeta_NamesBetas()
    {
        var solver = new IterativeInformationBottleneck();
        Assert.Equal("betas", Assert.Throws<ArgumentOutOfRangeException>(() => solver.Curve(Joint, 2, [1, double.NaN])).ParamName);
        Assert.Equal("betas", Assert.Throws<ArgumentOutOfRangeException>(() => solver.Curve(Joint, 2, [-1])).ParamName);
    }

    [Fact]
    public void Agglomerative_BadClusters_Throws()
    {
        Assert.Equal("clusters", Assert.Throws<ArgumentOutOfRangeException>(() => AgglomerativeInformationBottleneck.Solve(Joint, 0)).ParamName);
        Assert.Equal("clusters", Assert.Throws<ArgumentOutOfRangeException>(() => AgglomerativeInformationBottleneck.Solve(Joint, 9)).ParamName);
        Assert.Equal("joint", Assert.Throws<ArgumentNullException>(() => AgglomerativeInformationBottleneck.Path(null!)).ParamName);
    }
}
