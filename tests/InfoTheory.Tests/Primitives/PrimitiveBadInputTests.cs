using InfoTheory.Primitives;

namespace InfoTheory.Tests.Primitives;

/// <summary>Shape errors of the primitives: clear exceptions naming the parameter, thrown before any output is written.</summary>
public sealed class PrimitiveBadInputTests
{
    [Fact]
    public void PairKernels_MismatchedLengths_Throw()
    {
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => InformationPrimitives.KullbackLeibler([0.5, 0.5], [1.0])).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => InformationPrimitives.CrossEntropy([0.5f, 0.5f], [1.0f])).ParamName);
        Assert.Equal("logitsQ", Assert.Throws<ArgumentException>(() => InformationPrimitives.SoftmaxKullbackLeibler([0.5, 0.5], [1.0])).ParamName);
        Assert.Equal("logitsQ", Assert.Throws<ArgumentException>(() => InformationPrimitives.SoftmaxCrossEntropy([0.5f], [1.0f, 2f])).ParamName);
    }

    [Fact]
    public void Rows_RowLengthNotDividing_ThrowsNamingInput()
    {
        var ex = Assert.Throws<ArgumentException>(() => InformationPrimitives.EntropyRows(new double[10], 3, new double[4]));
        Assert.Equal("p", ex.ParamName);
        Assert.Contains("does not divide", ex.Message, StringComparison.Ordinal);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => InformationPrimitives.SoftmaxEntropyRows(new float[10], 4, new float[4])).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Rows_NonPositiveRowLength_Throws(int rowLength)
    {
        Assert.Equal("rowLength", Assert.Throws<ArgumentOutOfRangeException>(() => InformationPrimitives.LogSumExpRows(new double[6], rowLength, new double[6])).ParamName);
    }

    [Fact]
    public void Rows_DestinationTooShort_ThrowsBeforeWriting()
    {
        double[] destination = [7, 7];
        var ex = Assert.Throws<ArgumentException>(() => InformationPrimitives.KullbackLeiblerRows(new double[12], new double[12], 4, destination));
        Assert.Equal("destination", ex.ParamName);
        Assert.Contains("3 elements are needed but it has 2", ex.Message, StringComparison.Ordinal);
        Assert.Equal([7.0, 7.0], destination);
    }

    [Fact]
    public void Rows_MismatchedPairLengths_Throw()
    {
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => InformationPrimitives.CrossEntropyRows(new double[8], new double[4], 4, new double[2])).ParamName);
        Assert.Equal("logitsQ", Assert.Throws<ArgumentException>(() => InformationPrimitives.SoftmaxKullbackLeiblerRows(new float[8], new float[4], 4, new float[2])).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Softmax_InvalidTemperature_Throws(double temperature)
    {
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => InformationPrimitives.SoftmaxEntropy([1.0, 2.0], temperature)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => InformationPrimitives.SoftmaxEntropyRows(new float[4], 2, new float[2], temperature)).ParamName);
    }

    [Fact]
    public void Renyi_NegativeOrder_Throws()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => InformationPrimitives.RenyiEntropy([1.0], -2)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => InformationPrimitives.RenyiEntropyRows(new float[2], 1, double.NaN, new float[2])).ParamName);
    }

    [Fact]
    public void UnitOutsideEnum_Throws()
    {
        // The primitive's own parameter is logBase; Information.NatsPer's "unit" is not a name the caller can see.
        Assert.Equal("logBase", Assert.Throws<ArgumentOutOfRangeException>(() => InformationPrimitives.EntropyRows(new double[2], 2, new double[1], (LogBase)7)).ParamName);
    }

    [Fact]
    public void Primitives_DoNotModifyInputs()
    {
        float[] logits = [1, 2, float.NegativeInfinity, 4, 5, 6, 7, 8, 9, 10, 11, 12];
        float[] copy = (float[])logits.Clone();
        float[] destination = new float[3];
        InformationPrimitives.SoftmaxEntropyRows(logits, 4, destination, 2.0);
        InformationPrimitives.SoftmaxKullbackLeiblerRows(logits, logits, 4, destination);
        _ = InformationPrimitives.LogSumExp(logits);
        Assert.Equal(copy, logits);
    }

    [Fact]
    public void Primitives_InvalidValues_GiveNaNNotGarbage()
    {
        // The primitives do not scan values (documented): IEEE rules make bad values visible as NaN.
        Assert.True(InformationPrimitives.Entropy([0.5, -0.5, 1.0]).IsNaN);
        Assert.True(InformationPrimitives.Entropy(new double[] { 0.1, 0.2, double.NaN, 0.3, 0.1, 0.1, 0.1, 0.1, 0.0 }).IsNaN);
        Assert.True(InformationPrimitives.KullbackLeibler([0.5f, 0.5f], [-0.5f, 1.5f]).IsNaN);
    }
}
