using System.Numerics;

namespace InfoTheory.Primitives.Simd;

// One struct per row-wise primitive, so Rows.Run is specialised per kernel.

internal readonly struct EntropyRow<T> : IRowKernel<T>
    where T : unmanaged, INumberBase<T>
{
    public double Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => Kernels.Entropy(x);
}

internal readonly struct EntropyOfCountsRow<T> : IRowKernel<T>
    where T : unmanaged, INumberBase<T>
{
    public double Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => Kernels.EntropyOfCounts(x);
}

internal readonly struct CrossEntropyRow<T> : IRowKernel<T>
    where T : unmanaged, INumberBase<T>
{
    public double Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => Kernels.CrossEntropy(x, y);
}

internal readonly struct KullbackLeiblerRow<T> : IRowKernel<T>
    where T : unmanaged, INumberBase<T>
{
    public double Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => Kernels.KullbackLeibler(x, y);
}

internal readonly struct LogSumExpRow<T> : IRowKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public double Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => Kernels.LogSumExp(x);
}

internal readonly struct SoftmaxEntropyRow<T>(double inverseTemperature) : IRowKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public double Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => Kernels.SoftmaxEntropy(x, inverseTemperature);
}

internal readonly struct SoftmaxCrossEntropyRow<T>(double inverseTemperature) : IRowKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public double Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => Kernels.SoftmaxCrossEntropy(x, y, inverseTemperature);
}

internal readonly struct SoftmaxKullbackLeiblerRow<T>(double inverseTemperature) : IRowKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public double Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => Kernels.SoftmaxKullbackLeibler(x, y, inverseTemperature);
}

internal readonly struct RenyiEntropyRow<T>(double alpha) : IRowKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public double Invoke(ReadOnlySpan<T> x, ReadOnlySpan<T> y) => Kernels.RenyiEntropy(x, alpha);
}
