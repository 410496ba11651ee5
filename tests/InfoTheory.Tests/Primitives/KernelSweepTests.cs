using System.Numerics;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Tests.Primitives;

/// <summary>
/// Every primitive at every length 0..256 against its scalar reference (<see cref="ScalarReference"/>),
/// for float and double input. Lengths cover the empty span, shorter than one vector, whole
/// unrolled blocks and every tail, for every vector width the machine runs (CI repeats the
/// suite with AVX-512, AVX2 and all hardware intrinsics disabled).
/// </summary>
/// <remarks>
/// Tolerance for double input: both sides compute in double, so they differ only by the log/exp
/// approximations (fdlibm log &lt; 1 ulp, exp Taylor remainder &lt; 2e-16 relative) and by summation
/// order over ≤ 256 terms (≤ 256·2⁻⁵² ≈ 6e-14 of Σ|term|); 1e-11·(1 + |expected|) leaves room for
/// terms up to ~100 and still catches any wrong coefficient or mask. Float input is evaluated in
/// single precision (each term within ~2 ulps = 1.2e-7 relative; blocks of ≤ 32 terms per lane
/// summed in float, ≤ 2e-6) against a double reference on the same values, so 1e-5·(1 + |expected|).
/// </remarks>
public abstract class KernelSweepTests<T>
    where T : IFloatingPointIeee754<T>
{
    private const int MaxLength = 256;
    private static readonly double Tolerance = typeof(T) == typeof(float) ? 1e-5 : 1e-11;

    private static void AssertClose(double expected, double actual, int length, string what)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{what} at length {length}: expected {expected}, got {actual}");
            return;
        }

        double tolerance = Tolerance * (1 + Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what} at length {length}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3})");
    }

    /// <summary>Data as T and back as double, so the reference sees exactly what the kernel sees.</summary>
    private static (T[] Typed, double[] Exact) Prepare(double[] values)
    {
        T[] typed = TestData.Convert<T>(values);
        return (typed, TestData.ToDouble(typed));
    }

    [Fact]
    public void Entropy_EveryLength_MatchesScalarReference()
    {
        var random = new Random(1);
        for (int n = 0; n <= MaxLength; n++)
        {
            (T[] p, double[] exact) = Prepare(TestData.Pmf(random, n));
            AssertClose(ScalarReference.Entropy(exact), PrimitiveApi<T>.Entropy(p).Nats, n, "Entropy");
        }
    }

    [Fact]
    public void CrossEntropy_EveryLength_MatchesScalarReference()
    {
        var random = new Random(2);
        for (int n = 0; n <= MaxLength; n++)
        {
            (T[] p, double[] pe) = Prepare(TestData.Pmf(random, n));
            (T[] q, double[] qe) = Prepare(TestData.PositivePmf(random, n));
            AssertClose(ScalarReference.CrossEntropy(pe, qe), PrimitiveApi<T>.CrossEntropy(p, q).Nats, n, "CrossEntropy");
        }
    }

    [Fact]
    public void KullbackLeibler_EveryLength_MatchesScalarReference()
    {
        var random = new Random(3);
        for (int n = 0; n <= MaxLength; n++)
        {
            (T[] p, double[] pe) = Prepare(TestData.Pmf(random, n));
            (T[] q, double[] qe) = Prepare(TestData.PositivePmf(random, n));
            AssertClose(ScalarReference.KullbackLeibler(pe, qe), PrimitiveApi<T>.KullbackLeibler(p, q).Nats, n, "KullbackLeibler");
        }
    }

    [Fact]
    public void LogSumExp_EveryLength_MatchesScalarReference()
    {
        var random = new Random(4);
        for (int n = 0; n <= MaxLength; n++)
        {
            // Large offsets: the naive ln Σ eˣ would overflow at 800.
            double[] values = TestData.Logits(random, n, scale: 30, maskFraction: 0.1);
            for (int i = 0; i < n; i++)
            {
                values[i] += 800;
            }

            (T[] x, double[] exact) = Prepare(values);

            // Compare relative to the offset, so the tolerance is on ln Σ e^(x − 800), not on a number near 800.
            AssertClose(ScalarReference.LogSumExp(exact) - 800, PrimitiveApi<T>.LogSumExp(x) - 800, n, "LogSumExp");
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(3.0)]
    public void SoftmaxEntropy_EveryLength_MatchesMaterialisedSoftmax(double temperature)
    {
        var random = new Random(5);
        for (int n = 0; n <= MaxLength; n++)
        {
            (T[] x, double[] exact) = Prepare(TestData.Logits(random, n, scale: 6, maskFraction: 0.1));
            double expected = n == 0 ? 0 : ScalarReference.SoftmaxEntropy(exact, temperature);
            AssertClose(expected, PrimitiveApi<T>.SoftmaxEntropy(x, temperature).Nats, n, "SoftmaxEntropy");
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void SoftmaxDivergences_EveryLength_MatchMaterialisedSoftmax(double temperature)
    {
        var random = new Random(6);
        for (int n = 0; n <= MaxLength; n++)
        {
            (T[] x, double[] xe) = Prepare(TestData.Logits(random, n, scale: 5, maskFraction: 0.1));
            (T[] y, double[] ye) = Prepare(TestData.Logits(random, n, scale: 5));
            double kl = n == 0 ? 0 : ScalarReference.SoftmaxKullbackLeibler(xe, ye, temperature);
            double ce = n == 0 ? 0 : ScalarReference.SoftmaxCrossEntropy(xe, ye, temperature);
            AssertClose(kl, PrimitiveApi<T>.SoftmaxKullbackLeibler(x, y, temperature).Nats, n, "SoftmaxKullbackLeibler");
            AssertClose(ce, PrimitiveApi<T>.SoftmaxCrossEntropy(x, y, temperature).Nats, n, "SoftmaxCrossEntropy");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.7)]
    [InlineData(double.PositiveInfinity)]
    public void RenyiEntropy_EveryLength_MatchesScalarReference(double alpha)
    {
        var random = new Random(7);
        for (int n = 0; n <= MaxLength; n++)
        {
            (T[] p, double[] exact) = Prepare(TestData.Pmf(random, n));
            AssertClose(ScalarReference.RenyiEntropy(exact, alpha), PrimitiveApi<T>.RenyiEntropy(p, alpha).Nats, n, $"Renyi({alpha})");
        }
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(1025)]
    [InlineData(2049)]
    [InlineData(5000)]
    public void LongInputs_WithUnusualValuesAnywhere_MatchScalarReference(int n)
    {
        // The vector loop runs an optimistic block and redoes it exactly when a lane is unusual
        // (subnormal, zero q under positive p, negative, NaN). Put such a value at several positions,
        // including inside unrolled blocks, and compare with the reference.
        var random = new Random(9);
        // Blocks hold 32 unrolled iterations: 1024 doubles or 2048 floats at 512 bits, so 1025 and 2049 reach a second block.
        foreach (int position in new[] { 0, 7, n / 3, n - 1 })
        {
            double[] p = TestData.Pmf(random, n);
            double[] q = TestData.PositivePmf(random, n);
            p[position] = Math.Max(p[position], 1e-3);

            // Subnormal probabilities (below float range for float input: they become 0 there).
            double[] withSubnormal = (double[])p.Clone();
            withSubnormal[(position + 1) % n] = 1e-310;
            (T[] ps, double[] pse) = Prepare(withSubnormal);
            AssertClose(ScalarReference.Entropy(pse), PrimitiveApi<T>.Entropy(ps).Nats, n, $"Entropy with subnormal at {position}");

            // q = 0 where p > 0: KL and cross-entropy are +∞.
            double[] qZero = (double[])q.Clone();
            qZero[position] = 0;
            (T[] pt, double[] pe) = Prepare(p);
            (T[] qt, double[] qe) = Prepare(qZero);
            Assert.Equal(double.PositiveInfinity, PrimitiveApi<T>.KullbackLeibler(pt, qt).Nats);
            Assert.Equal(double.PositiveInfinity, PrimitiveApi<T>.CrossEntropy(pt, qt).Nats);
            Assert.Equal(double.PositiveInfinity, ScalarReference.KullbackLeibler(pe, qe));

            // q = 0 where p = 0 is fine: the term is 0.
            double[] pZero = (double[])p.Clone();
            pZero[position] = 0;
            (T[] pz, double[] pze) = Prepare(pZero);
            AssertClose(ScalarReference.KullbackLeibler(pze, qe), PrimitiveApi<T>.KullbackLeibler(pz, qt).Nats, n, $"KL with 0/0 at {position}");
            AssertClose(ScalarReference.CrossEntropy(pze, qe), PrimitiveApi<T>.CrossEntropy(pz, qt).Nats, n, $"CE with 0/0 at {position}");

            // Negative or NaN probabilities come out as NaN, never as a plausible number.
            double[] negative = (double[])p.Clone();
            negative[position] = -0.25;
            Assert.True(PrimitiveApi<T>.Entropy(Prepare(negative).Typed).IsNaN);
            negative[position] = double.NaN;
            Assert.True(PrimitiveApi<T>.Entropy(Prepare(negative).Typed).IsNaN);
            Assert.True(PrimitiveApi<T>.RenyiEntropy(Prepare(negative).Typed, 2.5).IsNaN);

            // Rényi on a vector with zeros and a subnormal.
            AssertClose(ScalarReference.RenyiEntropy(pse, 2.5), PrimitiveApi<T>.RenyiEntropy(ps, 2.5).Nats, n, $"Renyi with subnormal at {position}");
        }
    }

    [Fact]
    public void Rows_EveryRowLength_MatchSingleRowKernelsInTheRequestedUnit()
    {
        // Row-wise results must equal the single-row kernel per row (same code path, same bits in nats),
        // then be divided by ln 2 for bits; float destinations round to float (relative 2^-24).
        var random = new Random(8);
        double destinationTolerance = typeof(T) == typeof(float) ? 1e-6 : 1e-15;
        foreach (int rowLength in new[] { 1, 3, 8, 17, 64, 100 })
        {
            const int rows = 5;
            var pmfs = new List<double>();
            var positive = new List<double>();
            var logitsP = new List<double>();
            var logitsQ = new List<double>();
            for (int r = 0; r < rows; r++)
            {
                pmfs.AddRange(TestData.Pmf(random, rowLength));
                positive.AddRange(TestData.PositivePmf(random, rowLength));
                logitsP.AddRange(TestData.Logits(random, rowLength, maskFraction: 0.1));
                logitsQ.AddRange(TestData.Logits(random, rowLength));
            }

            T[] p = TestData.Convert<T>([.. pmfs]);
            T[] q = TestData.Convert<T>([.. positive]);
            T[] a = TestData.Convert<T>([.. logitsP]);
            T[] b = TestData.Convert<T>([.. logitsQ]);
            var destination = new T[rows + 2];
            T sentinel = T.CreateTruncating(-12345.0);

            void Check(Action<T[]> rowsCall, Func<T[], T[], double> single, T[] x, T[] y, string what)
            {
                Array.Fill(destination, sentinel);
                rowsCall(destination);
                for (int r = 0; r < rows; r++)
                {
                    double expected = single(x[(r * rowLength)..((r + 1) * rowLength)], y[(r * rowLength)..((r + 1) * rowLength)]);
                    double actual = double.CreateTruncating(destination[r]);
                    Assert.True(Math.Abs(expected - actual) <= destinationTolerance * (1 + Math.Abs(expected)),
                        $"{what}, row length {rowLength}, row {r}: expected {expected:R}, got {actual:R}");
                }

                Assert.Equal(sentinel, destination[rows]);
                Assert.Equal(sentinel, destination[rows + 1]);
            }

            Check(d => PrimitiveApi<T>.EntropyRows(p, rowLength, d, LogBase.Two), (x, _) => PrimitiveApi<T>.Entropy(x).Bits, p, p, "EntropyRows");
            Check(d => PrimitiveApi<T>.CrossEntropyRows(p, q, rowLength, d, LogBase.E), (x, y) => PrimitiveApi<T>.CrossEntropy(x, y).Nats, p, q, "CrossEntropyRows");
            Check(d => PrimitiveApi<T>.KullbackLeiblerRows(p, q, rowLength, d, LogBase.Ten), (x, y) => PrimitiveApi<T>.KullbackLeibler(x, y).Hartleys, p, q, "KullbackLeiblerRows");
            Check(d => PrimitiveApi<T>.LogSumExpRows(a, rowLength, d), (x, _) => PrimitiveApi<T>.LogSumExp(x), a, a, "LogSumExpRows");
            Check(d => PrimitiveApi<T>.SoftmaxEntropyRows(a, rowLength, d, 1.5, LogBase.Two), (x, _) => PrimitiveApi<T>.SoftmaxEntropy(x, 1.5).Bits, a, a, "SoftmaxEntropyRows");
            Check(d => PrimitiveApi<T>.SoftmaxKullbackLeiblerRows(a, b, rowLength, d, 1.0, LogBase.E), (x, y) => PrimitiveApi<T>.SoftmaxKullbackLeibler(x, y, 1.0).Nats, a, b, "SoftmaxKullbackLeiblerRows");
            Check(d => PrimitiveApi<T>.SoftmaxCrossEntropyRows(a, b, rowLength, d, 1.0, LogBase.E), (x, y) => PrimitiveApi<T>.SoftmaxCrossEntropy(x, y, 1.0).Nats, a, b, "SoftmaxCrossEntropyRows");
            Check(d => PrimitiveApi<T>.RenyiEntropyRows(p, rowLength, 2.5, d, LogBase.E), (x, _) => PrimitiveApi<T>.RenyiEntropy(x, 2.5).Nats, p, p, "RenyiEntropyRows");
        }
    }
}

public sealed class KernelSweepTestsDouble : KernelSweepTests<double>;

public sealed class KernelSweepTestsFloat : KernelSweepTests<float>;
