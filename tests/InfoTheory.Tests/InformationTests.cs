using System.Globalization;

namespace InfoTheory.Tests;

public sealed class InformationTests
{
    [Fact]
    public void Units_OneBit_IsLn2NatsAndLog10Of2Hartleys()
    {
        Information bit = Information.FromBits(1);
        Assert.Equal(Math.Log(2), bit.Nats, 1e-16);
        Assert.Equal(1.0, bit.Bits, 1e-15);
        Assert.Equal(Math.Log10(2), bit.Hartleys, 1e-16);
        Assert.Equal(1.0, Information.FromHartleys(1).In(LogBase.Ten), 1e-15);
        Assert.Equal(Information.FromNats(3).Nats, Information.From(3, LogBase.E).Nats);
        Assert.Equal(2.0, Information.From(2, LogBase.Two).Bits, 1e-15);
    }

    [Fact]
    public void FromBase_ArbitraryBase_RoundTrips()
    {
        // One "trit" is ln 3 nats.
        Information trit = Information.FromBase(1, 3);
        Assert.Equal(Math.Log(3), trit.Nats, 1e-15);
        Assert.Equal(1.0, trit.InBase(3), 1e-15);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FromBase_InvalidBase_Throws(double logarithmBase)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Information.FromBase(1, logarithmBase));
        Assert.Equal("logarithmBase", ex.ParamName);
    }

    [Fact]
    public void ToString_DefaultAndFormats_ShowValueWithUnit()
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        Assert.Equal("1.000 bits", Information.FromBits(1).ToString(null, c));
        Assert.Equal("0.693147 nats", Information.FromBits(1).ToString("n6", c));
        Assert.Equal("0.30 hartleys", Information.FromBits(1).ToString("h2", c));
        Assert.Equal("2 bits", Information.FromBits(2).ToString("b0", c));
        Assert.Throws<FormatException>(() => Information.FromBits(1).ToString("x", c));
        Assert.Throws<FormatException>(() => Information.FromBits(1).ToString("bq", c));
    }

    [Fact]
    public void ToString_FormatOnly_UsesTheCurrentCulture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma, built from the invariant one so that it exists on every machine.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;
#pragma warning disable CA1305 // the overload under test is the culture-implicit one
            Assert.Equal("0,693147 nats", Information.FromBits(1).ToString("n6"));
            Assert.Equal(Information.FromBits(1).ToString(null, CultureInfo.CurrentCulture), Information.FromBits(1).ToString(null));
#pragma warning restore CA1305
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Arithmetic_AndComparison_WorkInNats()
    {
        Information a = Information.FromBits(1), b = Information.FromNats(1);
        Assert.Equal(Math.Log(2) + 1, (a + b).Nats, 1e-15);
        Assert.Equal(Math.Log(2) - 1, (a - b).Nats, 1e-15);
        Assert.Equal(-1.0, (-b).Nats);
        Assert.Equal(3.0, (b * 3).Nats);
        Assert.Equal(3.0, (3 * b).Nats);
        Assert.Equal(0.5, (b / 2).Nats);
        Assert.Equal(1 / Math.Log(2), b / a, 1e-15);
        Assert.True(a < b && b > a && a <= b && b >= a && a != b);
        Assert.Equal(-1, a.CompareTo(b));
        Assert.Equal(Information.FromNats(1), b);
        Assert.True(Information.FromNats(double.NaN).Equals(Information.FromNats(double.NaN)));
        Assert.True(Information.FromNats(1).IsCloseTo(Information.FromNats(1 + 1e-13), 1e-12));
        Assert.False(Information.FromNats(1).IsCloseTo(Information.FromNats(1.1), 1e-12));
        Assert.True(Information.PositiveInfinity > Information.FromBits(1e300));
        Assert.Equal(b, Information.Max(a, b));
        Assert.Equal(a, Information.Min(a, b));
    }
}
