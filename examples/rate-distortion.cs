// Rate-distortion of a biased coin (Blahut-Arimoto) and the information bottleneck of a noisy binary channel,
// both against their closed forms. Run: dotnet run examples/rate-distortion.cs
#:project ../src/InfoTheory/InfoTheory.csproj

using InfoTheory.Bottleneck;
using InfoTheory.Measures;
using InfoTheory.RateDistortion;

bool ok = true;

// R(D) of a Bernoulli(0.3) source under Hamming distortion, traced by increasing the slope β.
// Closed form (Cover & Thomas 2006, Thm 10.3.1): R(D) = H_b(p) − H_b(D) for D ≤ min(p, 1 − p), else 0.
double[] source = [0.7, 0.3];
double[] betas = [0.5, 1, 1.5, 2, 3, 4, 6];
IReadOnlyList<RateDistortionResult> curve = new BlahutArimoto().Curve(source, DistortionMatrix.Hamming(2), betas);
Console.WriteLine("R(D), Bernoulli(0.3), Hamming distortion");
Console.WriteLine("  beta       D    R (bits)   closed form   iterations");
foreach (RateDistortionResult point in curve)
{
    double exact = Math.Max(0, Hb(0.3) - Hb(point.Distortion));
    Console.WriteLine($"{point.Beta,6:F1}  {point.Distortion,6:F4}  {point.Rate.Bits,9:F6}  {exact,12:F6}  {point.Iterations,11}");
    // The solver stops at a duality gap of 1e-10 nats; 1e-8 bits allows for rounding in the closed form.
    ok &= Check(point.Converged && Math.Abs(point.Rate.Bits - exact) <= 1e-8, $"R(D) at beta = {point.Beta}");
}

// Information bottleneck of the doubly symmetric binary source: X a fair bit, Y = X flipped with probability ε.
// Compress X into a binary T that keeps as much as possible about Y. By Mrs. Gerber's lemma (Wyner & Ziv 1973) no
// encoder beats T = X through a BSC(δ), whose point is I(X;T) = 1 − H_b(δ), I(T;Y) = 1 − H_b(ε ∗ δ) bits, with
// a ∗ b = a(1 − b) + b(1 − a): that is the optimal IB curve, and its optimum at β a one-parameter minimum over δ.
const double Eps = 0.1;
var joint = JointDistribution.FromTable(new double[,] { { (1 - Eps) / 2, Eps / 2 }, { Eps / 2, (1 - Eps) / 2 } });
double[] ibBetas = [1, 2, 3, 5, 8, 13, 21, 50];
IReadOnlyList<InformationBottleneckResult> ib = new IterativeInformationBottleneck { Seed = 1 }.Curve(joint, 2, ibBetas);
Console.WriteLine($"information bottleneck, |T| = 2, I(X;Y) = {MutualInformation.Of(joint).Bits:F6} bits");
Console.WriteLine("  beta    I(X;T)    I(T;Y)  on curve   objective     optimum  (bits)");
foreach (InformationBottleneckResult point in ib)
{
    double compression = point.Compression.Bits;
    double onCurve = 1 - Hb(Star(Eps, HbInverse(1 - compression)));
    // min over δ of I(X;T) − β I(T;Y), on a grid δ = ½(i/N)³, dense near 0 where H_b is steep.
    double optimum = Enumerable.Range(0, 200_001).Select(i => 0.5 * Math.Pow(i / 200_000.0, 3))
        .Min(d => 1 - Hb(d) - (point.Beta * (1 - Hb(Star(Eps, d)))));
    // The format's third section prints a rounding-size negative as 0.000000, not -0.000000.
    Console.WriteLine($"{point.Beta,6:F0}  {compression,8:0.000000;-0.000000;0.000000}  {point.Relevance.Bits,8:F6}  " +
        $"{onCurve,8:F6}  {point.Objective.Bits,10:0.000000;-0.000000;0.000000}  {optimum,10:F6}");
    // A binary-symmetric encoder lies on the curve up to rounding (1e-9 bits); the grid's minimum is within ~1e-9 bits
    // of the true one, and the solver's stopping rule (1e-10 per encoder entry) puts its objective well within 1e-6.
    ok &= Check(Math.Abs(point.Relevance.Bits - onCurve) <= 1e-9, $"IB point at beta = {point.Beta}");
    ok &= Check(Math.Abs(point.Objective.Bits - optimum) <= 1e-6, $"IB objective at beta = {point.Beta}");
}

// Below β = 1/(1 − 2ε)² = 1.5625 (the first critical β) the optimal encoder is trivial: nothing is kept.
ok &= Check(ib[0].Compression.Bits <= 1e-6, "IB below the critical beta should keep nothing");
return ok ? 0 : 1;

static double Star(double a, double b) => (a * (1 - b)) + (b * (1 - a));

static double Hb(double p) => p <= 0 || p >= 1 ? 0 : (-p * Math.Log2(p)) - ((1 - p) * Math.Log2(1 - p));

// The inverse of H_b on [0, ½], by bisection (H_b is increasing there).
static double HbInverse(double h)
{
    double lo = 0, hi = 0.5;
    for (int i = 0; i < 100; i++)
    {
        double mid = 0.5 * (lo + hi);
        (lo, hi) = Hb(mid) < h ? (mid, hi) : (lo, mid);
    }

    return 0.5 * (lo + hi);
}

static bool Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine($"FAILED: {what} is off its closed form");
    }

    return condition;
}
