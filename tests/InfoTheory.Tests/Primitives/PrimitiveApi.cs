using InfoTheory.Primitives;

namespace InfoTheory.Tests.Primitives;

/// <summary>Calls the float or double overload of each primitive, so one generic test class covers both.</summary>
internal static class PrimitiveApi<T>
    where T : System.Numerics.IFloatingPointIeee754<T>
{
    private static bool IsDouble => typeof(T) == typeof(double);

    private static double[] D(T[] x) => (double[])(object)x;

    private static float[] F(T[] x) => (float[])(object)x;

    public static Information Entropy(T[] p) => IsDouble ? InformationPrimitives.Entropy(D(p)) : InformationPrimitives.Entropy(F(p));

    public static Information CrossEntropy(T[] p, T[] q) => IsDouble ? InformationPrimitives.CrossEntropy(D(p), D(q)) : InformationPrimitives.CrossEntropy(F(p), F(q));

    public static Information KullbackLeibler(T[] p, T[] q) => IsDouble ? InformationPrimitives.KullbackLeibler(D(p), D(q)) : InformationPrimitives.KullbackLeibler(F(p), F(q));

    public static double LogSumExp(T[] x) => IsDouble ? InformationPrimitives.LogSumExp(D(x)) : InformationPrimitives.LogSumExp(F(x));

    public static Information SoftmaxEntropy(T[] x, double t) => IsDouble ? InformationPrimitives.SoftmaxEntropy(D(x), t) : InformationPrimitives.SoftmaxEntropy(F(x), t);

    public static Information SoftmaxKullbackLeibler(T[] x, T[] y, double t) =>
        IsDouble ? InformationPrimitives.SoftmaxKullbackLeibler(D(x), D(y), t) : InformationPrimitives.SoftmaxKullbackLeibler(F(x), F(y), t);

    public static Information SoftmaxCrossEntropy(T[] x, T[] y, double t) =>
        IsDouble ? InformationPrimitives.SoftmaxCrossEntropy(D(x), D(y), t) : InformationPrimitives.SoftmaxCrossEntropy(F(x), F(y), t);

    public static Information RenyiEntropy(T[] p, double alpha) => IsDouble ? InformationPrimitives.RenyiEntropy(D(p), alpha) : InformationPrimitives.RenyiEntropy(F(p), alpha);

    public static void EntropyRows(T[] p, int rowLength, T[] destination, LogBase unit)
    {
        if (IsDouble) { InformationPrimitives.EntropyRows(D(p), rowLength, D(destination), unit); }
        else { InformationPrimitives.EntropyRows(F(p), rowLength, F(destination), unit); }
    }

    public static void CrossEntropyRows(T[] p, T[] q, int rowLength, T[] destination, LogBase unit)
    {
        if (IsDouble) { InformationPrimitives.CrossEntropyRows(D(p), D(q), rowLength, D(destination), unit); }
        else { InformationPrimitives.CrossEntropyRows(F(p), F(q), rowLength, F(destination), unit); }
    }

    public static void KullbackLeiblerRows(T[] p, T[] q, int rowLength, T[] destination, LogBase unit)
    {
        if (IsDouble) { InformationPrimitives.KullbackLeiblerRows(D(p), D(q), rowLength, D(destination), unit); }
        else { InformationPrimitives.KullbackLeiblerRows(F(p), F(q), rowLength, F(destination), unit); }
    }

    public static void LogSumExpRows(T[] x, int rowLength, T[] destination)
    {
        if (IsDouble) { InformationPrimitives.LogSumExpRows(D(x), rowLength, D(destination)); }
        else { InformationPrimitives.LogSumExpRows(F(x), rowLength, F(destination)); }
    }

    public static void SoftmaxEntropyRows(T[] x, int rowLength, T[] destination, double t, LogBase unit)
    {
        if (IsDouble) { InformationPrimitives.SoftmaxEntropyRows(D(x), rowLength, D(destination), t, unit); }
        else { InformationPrimitives.SoftmaxEntropyRows(F(x), rowLength, F(destination), t, unit); }
    }

    public static void SoftmaxKullbackLeiblerRows(T[] x, T[] y, int rowLength, T[] destination, double t, LogBase unit)
    {
        if (IsDouble) { InformationPrimitives.SoftmaxKullbackLeiblerRows(D(x), D(y), rowLength, D(destination), t, unit); }
        else { InformationPrimitives.SoftmaxKullbackLeiblerRows(F(x), F(y), rowLength, F(destination), t, unit); }
    }

    public static void SoftmaxCrossEntropyRows(T[] x, T[] y, int rowLength, T[] destination, double t, LogBase unit)
    {
        if (IsDouble) { InformationPrimitives.SoftmaxCrossEntropyRows(D(x), D(y), rowLength, D(destination), t, unit); }
        else { InformationPrimitives.SoftmaxCrossEntropyRows(F(x), F(y), rowLength, F(destination), t, unit); }
    }

    public static void RenyiEntropyRows(T[] p, int rowLength, double alpha, T[] destination, LogBase unit)
    {
        if (IsDouble) { InformationPrimitives.RenyiEntropyRows(D(p), rowLength, alpha, D(destination), unit); }
        else { InformationPrimitives.RenyiEntropyRows(F(p), rowLength, alpha, F(destination), unit); }
    }
}
