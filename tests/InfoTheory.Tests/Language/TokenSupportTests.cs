using InfoTheory.Language;

namespace InfoTheory.Tests.Language;

/// <summary>Half-precision logits, the top-p support, the top-k mass and the effective support of next-token distributions.</summary>
public sealed class TokenSupportTests
{
    [Fact]
    public void HalfRows_EqualTheFloatOverload_OnTheWidenedValues()
    {
        // Every Half widens exactly to a float, and the Half path runs the float kernel on the widened row, so the
        // results must be the same bits as the float overload on those floats, at every length 1..300.
        var random = new Random(5);
        for (int length = 1; length <= 300; length += length < 40 ? 1 : 37)
        {
            Half[] half = new Half[3 * length];
            for (int i = 0; i < half.Length; i++)
            {
                half[i] = (Half)((random.NextDouble() * 16) - 8);
            }

            half[length / 2] = Half.NegativeInfinity; // a masked token in the first row
            float[] widened = half.Select(h => (float)h).ToArray();
            float[] h1 = new float[3], v1 = new float[3], h2 = new float[3], v2 = new float[3], v3 = new float[3];
            TokenEntropy.EntropyAndVarentropyRows(half, length, h1, v1, temperature: 0.7, logBase: LogBase.Two);
            TokenEntropy.EntropyAndVarentropyRows(widened, length, h2, v2, temperature: 0.7, logBase: LogBase.Two);
            TokenEntropy.VarentropyRows(half, length, v3, temperature: 0.7, logBase: LogBase.Two);
            Assert.Equal(h2, h1);
            Assert.Equal(v2, v1);
            Assert.Equal(v2, v3);
            Assert.Equal(TokenEntropy.Varentropy(widened.AsSpan(0, length)), TokenEntropy.Varentropy(half.AsSpan(0, length)));
        }
    }

    [Fact]
    public void TopPSupport_HandComputed()
    {
        // p = (0.5, 0.3, 0.2) from logits ln p (in shuffled order): the nucleus of mass 0.5 is one token, of 0.6 and 0.8
        // two (0.5 + 0.3 = 0.8 reaches 0.8), of 0.81 and 1 all three.
        double[] logits = [Math.Log(0.2), Math.Log(0.5), Math.Log(0.3)];
        int[] size = new int[1];
        foreach ((double topP, int expected) in new[] { (0.5, 1), (0.6, 2), (0.79, 2), (0.81, 3), (1.0, 3), (1e-9, 1) })
        {
            TokenEntropy.TopPSupportRows(logits, 3, topP, size);
            Assert.Equal(expected, size[0]);
        }

        // Masked tokens (−∞) never count, even for topP = 1; float and Half agree on representable values.
        float[] masked = [0f, float.NegativeInfinity, 0f, float.NegativeInfinity];
        TokenEntropy.TopPSupportRows(masked, 4, 1.0, size);
        Assert.Equal(2, size[0]);
        Half[] maskedHalf = [Half.Zero, Half.NegativeInfinity, Half.Zero, Half.NegativeInfinity];
        TokenEntropy.TopPSupportRows(maskedHalf, 4, 1.0, size);
        Assert.Equal(2, size[0]);
    }

    [Fact]
    public void TopPSupport_Uniform_IsCeilingOfPV_AndTemperatureWidensIt()
    {
        // Uniform over V = 1000 tokens: the nucleus of mass p holds ⌈pV⌉ tokens (up to the rounding of the running sum,
        // which can only matter where pV is an integer; 0.2501 and 0.7503 keep away from that).
        float[] uniform = new float[1000];
        int[] size = new int[1];
        TokenEntropy.TopPSupportRows(uniform, 1000, 0.2501, size);
        Assert.Equal(251, size[0]);
        TokenEntropy.TopPSupportRows(uniform, 1000, 0.7503, size);
        Assert.Equal(751, size[0]);

        // A peaked row keeps fewer tokens at T = 0.5 than at T = 2 (a higher temperature flattens p).
        float[] peaked = Enumerable.Range(0, 1000).Select(i => -0.01f * i).ToArray();
        int[] cold = new int[1], hot = new int[1];
        TokenEntropy.TopPSupportRows(peaked, 1000, 0.9, cold, temperature: 0.5);
        TokenEntropy.TopPSupportRows(peaked, 1000, 0.9, hot, temperature: 2);
        Assert.True(cold[0] < hot[0], $"{cold[0]} vs {hot[0]}");
    }

    [Fact]
    public void TopKMass_HandComputed()
    {
        double[] rows = [Math.Log(0.2), Math.Log(0.5), Math.Log(0.3), 0, 0, 0];
        double[] mass = new double[2];
        TokenEntropy.TopKMassRows(rows, 3, 1, mass);
        Assert.Equal(0.5, mass[0], 1e-15);
        Assert.Equal(1.0 / 3, mass[1], 1e-15);
        TokenEntropy.TopKMassRows(rows, 3, 2, mass);
        Assert.Equal(0.8, mass[0], 1e-15);
        Assert.Equal(2.0 / 3, mass[1], 1e-15);
        TokenEntropy.TopKMassRows(rows, 3, 10, mass);
        Assert.Equal([1.0, 1.0], mass);
        TokenEntropy.TopKMassRows([float.NegativeInfinity, float.NegativeInfinity], 2, 1, mass);
        Assert.True(double.IsNaN(mass[0]));
    }

    [Fact]
    public void EffectiveSupport_IsExpOfEntropy_VForUniform_OneForOneHot()
    {
        double[] effective = new double[3];
        float[] rows = [.. new float[8], 0, float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity, 0, 0, 0, 0, float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity, float.NegativeInfinity];
        TokenEntropy.EffectiveSupportRows(rows, 8, effective);
        Assert.Equal(8, effective[0], 1e-12);
        Assert.Equal(1, effective[1], 1e-12);
        Assert.Equal(4, effective[2], 1e-12);
        double[] logits = [1.0, 2.0, 3.5];
        double[] one = new double[1];
        TokenEntropy.EffectiveSupportRows(logits, 3, one);
        double z = logits.Sum(Math.Exp);
        double h = -logits.Sum(l => Math.Exp(l) / z * Math.Log(Math.Exp(l) / z));
        Assert.Equal(Math.Exp(h), one[0], 1e-12);
    }

    [Fact]
    public void BadInput_Throws()
    {
        float[] row = [0f, 1f, 2f];
        int[] size = new int[1];
        double[] mass = new double[1];
        Assert.Throws<ArgumentOutOfRangeException>("topP", () => TokenEntropy.TopPSupportRows(row, 3, 0, size));
        Assert.Throws<ArgumentOutOfRangeException>("topP", () => TokenEntropy.TopPSupportRows(row, 3, 1.5, size));
        Assert.Throws<ArgumentOutOfRangeException>("topP", () => TokenEntropy.TopPSupportRows(row, 3, double.NaN, size));
        Assert.Throws<ArgumentOutOfRangeException>("k", () => TokenEntropy.TopKMassRows(row, 3, 0, mass));
        Assert.Throws<ArgumentOutOfRangeException>("temperature", () => TokenEntropy.TopKMassRows(row, 3, 1, mass, temperature: 0));
        Assert.Throws<ArgumentOutOfRangeException>("rowLength", () => TokenEntropy.TopPSupportRows(row, 0, 0.5, size));
        Assert.Throws<ArgumentException>("logits", () => TokenEntropy.TopPSupportRows(row, 2, 0.5, size));
        Assert.Throws<ArgumentException>("logits", () => TokenEntropy.TopPSupportRows([float.NaN, 0f], 2, 0.5, size));
        Assert.Throws<ArgumentException>("logits", () => TokenEntropy.TopPSupportRows([float.NegativeInfinity], 1, 0.5, size));
        Assert.Throws<ArgumentException>("destination", () => TokenEntropy.TopPSupportRows(row, 1, 0.5, size));
        Assert.Throws<ArgumentException>("destination", () => TokenEntropy.EntropyAndVarentropyRows(new Half[6], 3, new float[2], new float[1]));
        Assert.Equal([0f, 1f, 2f], row); // inputs untouched
    }
}
