namespace InfoTheory.Primitives.Simd;

/// <summary>
/// Plain scalar implementations of every primitive, straight from the formulas with
/// <see cref="Math.Log(double)"/> and <see cref="Math.Exp(double)"/>, in nats. The tests compare
/// the vector kernels with these at every length; nothing in the library calls them.
/// </summary>
internal static class ScalarReference
{
    public static double Entropy(ReadOnlySpan<double> p)
    {
        double sum = 0;
        foreach (double x in p)
        {
            if (x != 0)
            {
                sum -= x * Math.Log(x);
            }
        }

        return sum;
    }

    public static double EntropyOfCounts(ReadOnlySpan<long> counts)
    {
        long total = 0;
        foreach (long c in counts)
        {
            total += c;
        }

        if (total == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (long c in counts)
        {
            if (c != 0)
            {
                sum += c / (double)total * Math.Log(c / (double)total);
            }
        }

        return -sum;
    }

    public static double CrossEntropy(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] != 0)
            {
                sum -= p[i] * Math.Log(q[i]);
            }
        }

        return sum;
    }

    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] != 0)
            {
                sum += p[i] * (Math.Log(p[i]) - Math.Log(q[i]));
            }
        }

        return sum;
    }

    public static double LogSumExp(ReadOnlySpan<double> x)
    {
        double max = double.NegativeInfinity;
        foreach (double v in x)
        {
            if (double.IsNaN(v))
            {
                return double.NaN;
            }

            max = Math.Max(max, v);
        }

        if (double.IsInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (double v in x)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>Materialises softmax(x / T) and returns it.</summary>
    public static double[] Softmax(ReadOnlySpan<double> logits, double temperature)
    {
        double[] scaled = new double[logits.Length];
        for (int i = 0; i < logits.Length; i++)
        {
            scaled[i] = logits[i] / temperature;
        }

        double lse = LogSumExp(scaled);
        for (int i = 0; i < scaled.Length; i++)
        {
            scaled[i] = Math.Exp(scaled[i] - lse);
        }

        return scaled;
    }

    public static double SoftmaxEntropy(ReadOnlySpan<double> logits, double temperature) =>
        Entropy(Softmax(logits, temperature));

    public static double SoftmaxKullbackLeibler(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, double temperature) =>
        KullbackLeibler(Softmax(logitsP, temperature), Softmax(logitsQ, temperature));

    public static double SoftmaxCrossEntropy(ReadOnlySpan<double> logitsP, ReadOnlySpan<double> logitsQ, double temperature) =>
        CrossEntropy(Softmax(logitsP, temperature), Softmax(logitsQ, temperature));

    public static double RenyiEntropy(ReadOnlySpan<double> p, double alpha)
    {
        if (p.IsEmpty)
        {
            return 0;
        }

        if (alpha == 1)
        {
            return Entropy(p);
        }

        if (double.IsPositiveInfinity(alpha))
        {
            double max = 0;
            foreach (double x in p)
            {
                max = Math.Max(max, x);
            }

            return -Math.Log(max);
        }

        double sum = 0;
        foreach (double x in p)
        {
            if (x > 0)
            {
                sum += Math.Pow(x, alpha);
            }
        }

        return Math.Log(sum) / (1 - alpha);
    }
}
