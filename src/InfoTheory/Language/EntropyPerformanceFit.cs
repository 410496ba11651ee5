namespace InfoTheory.Language;

/// <summary>The fit R = −A·e^H + B of performance against policy entropy (see <see cref="PolicyEntropy.FitEntropyPerformance"/>).</summary>
/// <param name="A">The coefficient a of e^H (positive when performance rises as entropy falls).</param>
/// <param name="B">The offset b.</param>
/// <param name="RSquared">The coefficient of determination of the least-squares fit in e^H (1 when every point lies on the curve).</param>
public sealed record EntropyPerformanceFit(double A, double B, double RSquared)
{
    /// <summary>The predicted performance at zero entropy, B − A: the ceiling the law implies once the entropy is used up.</summary>
    public double PerformanceAtZeroEntropy => B - A;

    /// <summary>The predicted performance at entropy <paramref name="entropy"/> (nats): −A·e^H + B.</summary>
    /// <param name="entropy">The policy entropy H in nats.</param>
    /// <returns>The performance the fit predicts.</returns>
    public double Predict(double entropy) => (-A * Math.Exp(entropy)) + B;
}
