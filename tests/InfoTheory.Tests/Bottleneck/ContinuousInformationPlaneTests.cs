using InfoTheory.Bottleneck;
using InfoTheory.Continuous;

namespace InfoTheory.Tests.Bottleneck;

public sealed class ContinuousInformationPlaneTests
{
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>X ~ N(0, I₂), T = X + σ·N(0, I₂), Y = X₁ + s·N(0, 1), n rows each.</summary>
    private static (SampleMatrix X, SampleMatrix T, SampleMatrix Y) NoisyLayer(int n, double sigma, double s, int seed)
    {
        var random = new Random(seed);
        double[] x = new double[2 * n], t = new double[2 * n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < 2; c++)
            {
                x[(2 * i) + c] = Normal(random);
                t[(2 * i) + c] = x[(2 * i) + c] + (sigma * Normal(random));
            }

            y[i] = x[2 * i] + (s * Normal(random));
        }

        return (SampleMatrix.FromRowMajor(x, 2), SampleMatrix.FromRowMajor(t, 2), SampleMatrix.FromRowMajor(y, 1));
    }

    /// <summary>Rows (a, b) of <paramref name="m"/> mapped to (a cos c + b sin c)/√10 for c = 0 … 19: an injective linear map into 20 dimensions.</summary>
    private static SampleMatrix Embed20(SampleMatrix m)
    {
        double[] data = m.Data.ToArray();
        int n = m.Rows;
        double[] wide = new double[n * 20];
        for (int i = 0; i < n; i++)
        {
            double a = data[2 * i], b = data[(2 * i) + 1];
            for (int c = 0; c < 20; c++)
            {
                wide[(i * 20) + c] = ((a * Math.Cos(c)) + (b * Math.Sin(c))) / Math.Sqrt(10);
            }
        }

        return SampleMatrix.FromRowMajor(wide, 20);
    }

    [Fact]
    public void Record_CompressTo_RecoversTheInformationOfARankTwoLayerIn20Dimensions()
    {
        // X and T live on a plane in 20 dimensions (an injective linear map of 2-D data). Their 20 × 20 covariances are
        // singular, so the Gaussian estimator cannot use them as given; projected on 2 principal components they are an
        // invertible linear map of the 2-D data, and Gaussian mutual information is invariant under invertible linear
        // maps of each variable: the estimates equal those on the 2-D data up to rounding.
        (SampleMatrix x, SampleMatrix t, SampleMatrix y) = NoisyLayer(3000, 0.5, 0.5, seed: 8);
        InformationPlanePoint flat = new ContinuousInformationPlane(new GaussianMutualInformation()).Record("l", 0, x, t, y);
        var compressed = new ContinuousInformationPlane(new GaussianMutualInformation()) { CompressTo = 2 };
        InformationPlanePoint point = compressed.Record("l", 0, Embed20(x), Embed20(t), y);
        Assert.Equal(flat.InputInformation.Nats, point.InputInformation.Nats, 1e-9);
        Assert.Equal(flat.LabelInformation.Nats, point.LabelInformation.Nats, 1e-9);

        // Data with no more columns than CompressTo are left as they are: the same bits as without the option.
        InformationPlanePoint same = new ContinuousInformationPlane(new GaussianMutualInformation()) { CompressTo = 5 }.Record("l", 0, x, t, y);
        Assert.Equal(flat.InputInformation.Nats, same.InputInformation.Nats);
        Assert.Equal(flat.LabelInformation.Nats, same.LabelInformation.Nats);

        Assert.Equal("CompressTo", Assert.Throws<ArgumentOutOfRangeException>(() => new ContinuousInformationPlane(new GaussianMutualInformation()) { CompressTo = 0 }).ParamName);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Record_GaussianNoiseLayer_MatchesClosedForm(double sigma)
    {
        // Per coordinate, I(Xᵢ; Xᵢ + σZ) = ½ ln(1 + 1/σ²), so I(X;T) = ln(1 + 1/σ²) for two independent coordinates.
        // T₁ and Y = X₁ + 0.5 Z' are jointly Gaussian with ρ² = 1/((1 + σ²)(1 + 0.25)), and T₂ is independent of Y,
        // so I(T;Y) = −½ ln(1 − ρ²). The Gaussian estimator is exact in form; at n = 5000 its standard deviation is
        // ≈ √(2·dims)/√n ≈ 0.03 nats at most here, so 0.08 nats is over 2.5 standard deviations.
        const int N = 5000;
        (SampleMatrix x, SampleMatrix t, SampleMatrix y) = NoisyLayer(N, sigma, 0.5, seed: 31);
        double expectedXT = Math.Log(1 + (1 / (sigma * sigma)));
        double rho2 = 1 / ((1 + (sigma * sigma)) * 1.25);
        double expectedTY = -0.5 * Math.Log(1 - rho2);

        var plane = new ContinuousInformationPlane(new GaussianMutualInformation());
        InformationPlanePoint point = plane.Record("noisy", 7, x, t, y);
        Assert.Equal(expectedXT, point.InputInformation.Nats, 0.08);
        Assert.Equal(expectedTY, point.LabelInformation.Nats, 0.08);

        // Any estimator: k-NN (KSG) on the same data agrees with the closed form too (bias at n = 5000, d = 4, k = 3
        // is a few hundredths of a nat for Gaussians; 0.1 nats leaves room for it and its spread).
        var knn = new ContinuousInformationPlane(new KsgMutualInformation(), new KsgMutualInformation());
        InformationPlanePoint knnPoint = knn.Record("noisy", 7, x, t, y);
        Assert.Equal(expectedXT, knnPoint.InputInformation.Nats, 0.1);
        Assert.Equal(expectedTY, knnPoint.LabelInformation.Nats, 0.1);

        // Data processing: Y depends on T only through X, so the Gaussian estimates (consistent, each within 0.08 of its
        // closed form above) keep I(T;Y) below I(X;T).
        Assert.True(point.LabelInformation.Nats < point.InputInformation.Nats);
        Assert.Single(plane.Points);
        Assert.Equal(7, plane.Points[0].Epoch);
    }

    [Fact]
    public void Output_MatchesTheDiscreteRecordersFormat()
    {
        (SampleMatrix x, SampleMatrix t, SampleMatrix y) = NoisyLayer(200, 1.0, 0.5, seed: 2);
        var plane = new ContinuousInformationPlane(new GaussianMutualInformation());
        InformationPlanePoint p = plane.Record("dense,1", 0, x, t, y);
        var csv = new StringWriter();
        plane.WriteCsv(csv, LogBase.E);
        string[] lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("layer,epoch,i_x_t_nats,i_t_y_nats", lines[0].TrimEnd('\r'));
        Assert.StartsWith("\"dense,1\",0,", lines[1], StringComparison.Ordinal);
        Assert.Equal(p.InputInformation.Nats, double.Parse(lines[1].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture), 15);
        var json = new StringWriter();
        plane.WriteJson(json);
        Assert.Contains("\"unit\": \"bits\"", json.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_Throws()
    {
        (SampleMatrix x, SampleMatrix t, SampleMatrix y) = NoisyLayer(50, 1.0, 0.5, seed: 3);
        (SampleMatrix shortX, _, _) = NoisyLayer(40, 1.0, 0.5, seed: 3);
        var plane = new ContinuousInformationPlane(new GaussianMutualInformation());
        Assert.Throws<ArgumentException>("layer", () => plane.Record("", 0, x, t, y));
        Assert.Throws<ArgumentException>(() => plane.Record("l", 0, shortX, t, y));
        Assert.Throws<ArgumentNullException>("representation", () => plane.Record("l", 0, x, null!, y));
        Assert.Throws<ArgumentNullException>(() => new ContinuousInformationPlane(null!));
        Assert.Empty(plane.Points);
    }
}
