using FsCheck;
using FsCheck.Xunit;
using InfoTheory.Measures;

namespace InfoTheory.Tests.Measures;

/// <summary>Identities and inequalities of mutual information on random joint tables.</summary>
public sealed class MutualInformationProperties
{
    private const double Eps = 1e-12;

    private static JointDistribution Table(int seed, PositiveInt a, PositiveInt b)
    {
        int nx = (a.Get % 6) + 1, ny = (b.Get % 6) + 1;
        return new JointDistribution(Pmfs.Seeded(seed, nx * ny, 0.3), [nx, ny]);
    }

    private static JointDistribution Transpose(JointDistribution joint)
    {
        int nx = joint.Shape[0], ny = joint.Shape[1];
        double[] t = new double[nx * ny];
        for (int x = 0; x < nx; x++)
        {
            for (int y = 0; y < ny; y++)
            {
                t[(y * nx) + x] = joint[x, y];
            }
        }

        return new JointDistribution(t, [ny, nx]);
    }

    [Property]
    public void Of_EqualsEntropyIdentities(int seed, PositiveInt a, PositiveInt b)
    {
        // I(X;Y) = H(X) + H(Y) − H(X,Y) = H(Y) − H(Y|X) (and by symmetry H(X) − H(X|Y)).
        JointDistribution joint = Table(seed, a, b);
        double hx = Entropy.Shannon(joint.Marginal(0)).Nats, hy = Entropy.Shannon(joint.Marginal(1)).Nats;
        double mi = MutualInformation.Of(joint).Nats;
        Assert.Equal(hx + hy - Entropy.Joint(joint).Nats, mi, Eps);
        Assert.Equal(hy - Entropy.Conditional(joint).Nats, mi, Eps);
        Assert.Equal(hx - Entropy.Conditional(Transpose(joint)).Nats, mi, Eps);
    }

    [Property]
    public void Of_NonNegativeSymmetricAndBoundedByMarginalEntropies(int seed, PositiveInt a, PositiveInt b)
    {
        JointDistribution joint = Table(seed, a, b);
        double mi = MutualInformation.Of(joint).Nats;
        Assert.True(mi >= -Eps);
        Assert.Equal(mi, MutualInformation.Of(Transpose(joint)).Nats, Eps);
        Assert.True(mi <= Math.Min(Entropy.Shannon(joint.Marginal(0)).Nats, Entropy.Shannon(joint.Marginal(1)).Nats) + Eps);
    }

    [Property]
    public void Of_InvariantUnderRelabellingRowsAndColumns(int seed, PositiveInt a, PositiveInt b)
    {
        JointDistribution joint = Table(seed, a, b);
        int nx = joint.Shape[0], ny = joint.Shape[1];
        var random = new Random(seed);
        int[] rows = Enumerable.Range(0, nx).ToArray(), cols = Enumerable.Range(0, ny).ToArray();
        random.Shuffle(rows);
        random.Shuffle(cols);
        double[] relabelled = new double[nx * ny];
        for (int x = 0; x < nx; x++)
        {
            for (int y = 0; y < ny; y++)
            {
                relabelled[(rows[x] * ny) + cols[y]] = joint[x, y];
            }
        }

        Assert.Equal(MutualInformation.Of(joint).Nats, MutualInformation.Of(new JointDistribution(relabelled, [nx, ny])).Nats, Eps);
    }

    [Property]
    public void Conditional_ChainRule_IXYZ_Equals_IXZ_Plus_IXYgivenZ(int seed, PositiveInt a, PositiveInt b, PositiveInt c)
    {
        // Chain rule: I(X; Y,Z) = I(X; Z) + I(X; Y | Z). Table [x, y, z]; (Y,Z) flattened as one variable.
        int nx = (a.Get % 4) + 1, ny = (b.Get % 4) + 1, nz = (c.Get % 4) + 1;
        double[] p = Pmfs.Seeded(seed, nx * ny * nz, 0.3);
        var xyz = new JointDistribution(p, [nx, ny, nz]);
        var xWithYz = new JointDistribution(p, [nx, ny * nz]);
        double[] pxz = new double[nx * nz];
        for (int x = 0; x < nx; x++)
        {
            for (int y = 0; y < ny; y++)
            {
                for (int z = 0; z < nz; z++)
                {
                    pxz[(x * nz) + z] += xyz[x, y, z];
                }
            }
        }

        double left = MutualInformation.Of(xWithYz).Nats;
        double right = MutualInformation.Of(new JointDistribution(pxz, [nx, nz])).Nats + MutualInformation.Conditional(xyz).Nats;
        Assert.Equal(left, right, Eps);
        Assert.True(MutualInformation.Conditional(xyz).Nats >= -Eps);
    }

    [Property]
    public void DataProcessing_MergingColumns_CannotIncreaseMi(int seed, PositiveInt a, PositiveInt b)
    {
        // Y' = f(Y) (merge columns pairwise): I(X;Y') ≤ I(X;Y).
        JointDistribution joint = Table(seed, a, b);
        int nx = joint.Shape[0], ny = joint.Shape[1], merged = (ny + 1) / 2;
        double[] t = new double[nx * merged];
        for (int x = 0; x < nx; x++)
        {
            for (int y = 0; y < ny; y++)
            {
                t[(x * merged) + (y / 2)] += joint[x, y];
            }
        }

        Assert.True(MutualInformation.Of(new JointDistribution(t, [nx, merged])).Nats <= MutualInformation.Of(joint).Nats + Eps);
    }
}
