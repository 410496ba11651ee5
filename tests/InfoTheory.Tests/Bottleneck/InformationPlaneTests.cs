using System.Text.Json;
using InfoTheory.Bottleneck;
using InfoTheory.Discrete;

namespace InfoTheory.Tests.Bottleneck;

public sealed class InformationPlaneTests
{
    [Fact]
    public void EqualWidth_BinsEachUnitAndJoinsThem()
    {
        // Range [0, 3] in 3 bins of width 1: 0.5 → 0, 1.5 → 1, 3.0 → 2 (the top edge joins the last bin).
        float[] activations = [0.5f, 3.0f, 1.5f, 0.0f, 0.5f, 3.0f, 2.9f, 2.9f];
        int[] symbols = ActivationBinning.EqualWidth(activations, units: 2, bins: 3);
        Assert.Equal(4, symbols.Length);
        Assert.Equal(symbols[0], symbols[2]);      // rows (0.5, 3.0) and (0.5, 3.0)
        Assert.NotEqual(symbols[0], symbols[1]);
        Assert.Equal(3, symbols.Distinct().Count());
        Assert.All(ActivationBinning.EqualWidth([1f, 1f, 1f], 1, 5), s => Assert.Equal(0, s)); // constant: one bin
    }

    [Fact]
    public void EqualWidth_BadInput_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ActivationBinning.EqualWidth([0f, float.NaN, 1f, 2f], 2, 4));
        Assert.Equal("activations", ex.ParamName);
        Assert.Contains("row 0, column 1", ex.Message, StringComparison.Ordinal);
        Assert.Equal("activations", Assert.Throws<ArgumentException>(() => ActivationBinning.EqualWidth([0f, 1f, 2f], 2, 4)).ParamName);
        Assert.Equal("bins", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationBinning.EqualWidth([0f], 1, 0)).ParamName);
        Assert.Equal("units", Assert.Throws<ArgumentOutOfRangeException>(() => ActivationBinning.EqualWidth([0f], 0, 2)).ParamName);
    }

    [Fact]
    public void Record_DeterministicLayer_InputInformationIsEntropyOfT_AndLabelInformationBoundedByIt()
    {
        // With X = the sample index, T is a function of X, so I(X;T) = H(T) exactly (plug-in), and I(T;Y) ≤ H(T).
        var random = new Random(71);
        int n = 2000;
        int[] inputs = Enumerable.Range(0, n).ToArray();
        float[] activations = new float[n * 3];
        int[] labels = new int[n];
        for (int s = 0; s < n; s++)
        {
            labels[s] = random.Next(2);
            for (int u = 0; u < 3; u++)
            {
                activations[(s * 3) + u] = (float)(labels[s] + (0.8 * random.NextDouble()));
            }
        }

        int[] t = ActivationBinning.EqualWidth(activations, 3, 4);
        var plane = new InformationPlane(new DiscreteMutualInformation());
        InformationPlanePoint point = plane.Record("dense1", 3, inputs, t, labels);
        Assert.Equal(new PlugInEntropy().Estimate(t).Nats, point.InputInformation.Nats, 1e-10);
        Assert.True(point.LabelInformation <= point.InputInformation);
        // The two label groups fall in disjoint bins here, so T determines Y: I(T;Y) = H(Y).
        Assert.Equal(new PlugInEntropy().Estimate(labels).Nats, point.LabelInformation.Nats, 1e-10);
        Assert.Single(plane.Points);
    }

    [Fact]
    public void WriteCsvAndJson_ContainTheValuesInTheRequestedUnit()
    {
        var plane = new InformationPlane(new DiscreteMutualInformation());
        int[] x = [0, 1, 2, 3], t = [0, 0, 1, 1], y = [0, 0, 1, 1];
        plane.Record("layer \"a\", 1", 0, x, t, y);   // I(X;T) = I(T;Y) = 1 bit
        var csv = new StringWriter();
        plane.WriteCsv(csv);
        string[] lines = csv.ToString().Trim().Split('\n');
        Assert.Equal("layer,epoch,i_x_t_bits,i_t_y_bits", lines[0].TrimEnd('\r'));
        string prefix = "\"layer \"\"a\"\", 1\",0,";
        Assert.StartsWith(prefix, lines[1], StringComparison.Ordinal);
        double[] values = Array.ConvertAll(lines[1][prefix.Length..].TrimEnd('\r').Split(','), v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.0, values[0], 1e-15);
        Assert.Equal(1.0, values[1], 1e-15);

        var json = new StringWriter();
        plane.WriteJson(json, LogBase.E);
        using JsonDocument document = JsonDocument.Parse(json.ToString());
        JsonElement first = document.RootElement[0];
        Assert.Equal("layer \"a\", 1", first.GetProperty("layer").GetString());
        Assert.Equal(Math.Log(2), first.GetProperty("iXT").GetDouble(), 1e-15);
        Assert.Equal("nats", first.GetProperty("unit").GetString());
    }

    [Fact]
    public void Record_BadInput_Throws()
    {
        var plane = new InformationPlane(new DiscreteMutualInformation());
        Assert.Throws<ArgumentException>(() => plane.Record("", 0, [0], [0], [0]));
        Assert.Equal("representation", Assert.Throws<ArgumentException>(() => plane.Record("l", 0, [0, 1], [0], [0, 1])).ParamName);
        Assert.Throws<ArgumentNullException>(() => new InformationPlane(null!));
    }
}
