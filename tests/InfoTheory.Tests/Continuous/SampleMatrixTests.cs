using System.Numerics.Tensors;
using InfoTheory.Continuous;

namespace InfoTheory.Tests.Continuous;

public sealed class SampleMatrixTests
{
    private static readonly double[] s_rowMajor = [1.5, -2, 3, 4, 5.25, -6, 7, 8, 9.5, 0, -0.125, 12];

    private static void AssertIsReference(SampleMatrix m)
    {
        Assert.Equal(4, m.Rows);
        Assert.Equal(3, m.Columns);
        Assert.Equal(s_rowMajor, m.Data.ToArray());
    }

    [Fact]
    public void Factories_SameValuesFromEverySource_GiveTheSameMatrix()
    {
        var rect = new double[4, 3];
        var rectF = new float[4, 3];
        var jagged = new double[4][];
        for (int i = 0; i < 4; i++)
        {
            jagged[i] = new double[3];
            for (int j = 0; j < 3; j++)
            {
                rect[i, j] = s_rowMajor[(i * 3) + j];
                rectF[i, j] = (float)s_rowMajor[(i * 3) + j]; // all values are exact in float
                jagged[i][j] = s_rowMajor[(i * 3) + j];
            }
        }

        Tensor<double> tensor = Tensor.Create((double[])s_rowMajor.Clone(), [4, 3]);

        AssertIsReference(SampleMatrix.FromArray(rect));
        AssertIsReference(SampleMatrix.FromArray(rectF));
        AssertIsReference(SampleMatrix.FromRows(jagged));
        AssertIsReference(SampleMatrix.FromRowMajor(s_rowMajor, 3));
        AssertIsReference(SampleMatrix.FromRowMajorMemory(s_rowMajor.AsMemory(), 3));
        AssertIsReference(SampleMatrix.FromTensor(tensor));
        AssertIsReference(SampleMatrix.FromTensor(tensor.AsReadOnlyTensorSpan()));
    }

    [Fact]
    public void FromTensor_TransposedView_ReadsLogicalOrder()
    {
        // A [3, 4] tensor whose transpose is the reference [4, 3] matrix: strides are not row-major.
        double[] transposed = new double[12];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                transposed[(j * 4) + i] = s_rowMajor[(i * 3) + j];
            }
        }

        Tensor<double> t = Tensor.Create(transposed, [3, 4]);
        AssertIsReference(SampleMatrix.FromTensor(Tensor.PermuteDimensions(t, [1, 0])));
    }

    [Fact]
    public void Accessors_ReturnRowsColumnsAndElements()
    {
        var m = SampleMatrix.FromRowMajor(s_rowMajor, 3);
        Assert.Equal([7.0, 8, 9.5], m.Row(2).ToArray());
        Assert.Equal([-2.0, 5.25, 8, -0.125], m.Column(1));
        Assert.Equal(-6, m[1, 2]);
        Assert.Equal("SampleMatrix (4 × 3)", m.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => m[4, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => m[0, 3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Row(-1).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Column(3));
    }

    [Fact]
    public void SelectAndConcatenate_RoundTrip()
    {
        var m = SampleMatrix.FromRowMajor(s_rowMajor, 3);
        SampleMatrix left = m.SelectColumns(0);
        SampleMatrix right = m.SelectColumns(1, 2);
        Assert.Equal(s_rowMajor, SampleMatrix.ConcatenateColumns(left, right).Data.ToArray());
        Assert.Equal([3.0, 1.5, -6, 4], m.SelectColumns(2, 0).Data[..4].ToArray());
        Assert.Throws<ArgumentException>(() => SampleMatrix.ConcatenateColumns(left, SampleMatrix.FromRowMajor([1.0, 2], 1)));
    }

    [Fact]
    public void Factories_DoNotAliasTheCallersBuffer()
    {
        double[] buffer = (double[])s_rowMajor.Clone();
        var m = SampleMatrix.FromRowMajor(buffer, 3);
        buffer[0] = 99;
        Assert.Equal(1.5, m[0, 0]);
    }

    [Fact]
    public void FromArray_NaN_ThrowsWithRowAndColumn()
    {
        var data = new double[20, 3];
        data[17, 2] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => SampleMatrix.FromArray(data));
        Assert.Equal("samples", e.ParamName);
        Assert.Contains("samples contain NaN at row 17, column 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRows_Infinity_ThrowsWithRowAndColumn()
    {
        double[][] data = [[0, 1], [2, double.NegativeInfinity]];
        var e = Assert.Throws<ArgumentException>(() => SampleMatrix.FromRows(data));
        Assert.Contains("at row 1, column 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromArray_FloatNaN_Throws()
    {
        var data = new float[2, 2];
        data[0, 1] = float.NaN;
        Assert.Contains("row 0, column 1", Assert.Throws<ArgumentException>(() => SampleMatrix.FromArray(data)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factories_BadShapes_ThrowNamingSamples()
    {
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => SampleMatrix.FromArray(new double[0, 3])).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => SampleMatrix.FromRows([])).ParamName);
        var ragged = Assert.Throws<ArgumentException>(() => SampleMatrix.FromRows([[1.0, 2], [3.0]]));
        Assert.Equal("samples", ragged.ParamName);
        Assert.Contains("row 1 has 1 values but row 0 has 2", ragged.Message, StringComparison.Ordinal);
        Assert.Equal("samples", Assert.Throws<ArgumentNullException>(() => SampleMatrix.FromRows([[1.0], null!])).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => SampleMatrix.FromRowMajor([1.0, 2, 3], 2)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => SampleMatrix.FromRowMajor([], 2)).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => SampleMatrix.FromRowMajor([1.0], 0)).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentException>(() => SampleMatrix.FromTensor(Tensor.Create([1.0, 2, 3]))).ParamName);
        Assert.Equal("samples", Assert.Throws<ArgumentNullException>(() => SampleMatrix.FromArray((double[,])null!)).ParamName);
    }

    [Fact]
    public void SelectColumnsAndConcatenate_ResultBeyondOneArray_ThrowBeforeAllocating()
    {
        // 2·10⁶ rows × 1 100 columns = 2.2·10⁹ values > Array.MaxLength (2 147 483 591): the int product would wrap.
        SampleMatrix tall = SampleMatrix.FromRowMajor(new double[2_000_000], 1);
        int[] columns = new int[1_100];
        ArgumentException select = Assert.Throws<ArgumentException>(() => tall.SelectColumns(columns));
        Assert.Equal("columns", select.ParamName);
        Assert.Contains("more than one array can hold", select.Message, StringComparison.Ordinal);

        SampleMatrix[] blocks = [.. Enumerable.Repeat(tall, 1_100)];
        ArgumentException concatenate = Assert.Throws<ArgumentException>(() => SampleMatrix.ConcatenateColumns(blocks));
        Assert.Equal("blocks", concatenate.ParamName);
    }
}
