// The rate-distortion curve of a biased coin and the information-bottleneck curve of a noisy binary channel, drawn as
// PNG figures (InfoTheory.Plotting on ScottPlot) in a temporary folder, each checked against its closed form.
// Run: dotnet run examples/plots.cs
#:project ../src/InfoTheory/InfoTheory.csproj
#:project ../src/InfoTheory.Plotting/InfoTheory.Plotting.csproj

using System.Buffers.Binary;
using InfoTheory;
using InfoTheory.Bottleneck;
using InfoTheory.Measures;
using InfoTheory.Plotting;
using InfoTheory.RateDistortion;

bool ok = true;
string folder = Directory.CreateTempSubdirectory("infotheory-plots-").FullName;

// R(D) of a Bernoulli(0.2) source under Hamming distortion, from β = 0.3 (D near its maximum 0.2) to β = 8.
// Closed form (Cover & Thomas 2006, Thm 10.3.1): R(D) = H_b(p) − H_b(D) for D ≤ min(p, 1 − p), else 0.
double[] betas = [0.3, 0.6, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8];
IReadOnlyList<RateDistortionResult> rd = new BlahutArimoto().Curve([0.8, 0.2], DistortionMatrix.Hamming(2), betas);
double worst = rd.Max(r => Math.Abs(r.Rate.Bits - Math.Max(0, Hb(0.2) - Hb(r.Distortion))));
Console.WriteLine($"R(D), Bernoulli(0.2), {rd.Count} points: largest gap to H_b(0.2) − H_b(D) is {worst:E1} bits");

// The solver stops at a duality gap of 1e-10 nats; 1e-8 bits allows for rounding in the closed form.
ok &= Check(worst <= 1e-8, "R(D) is off its closed form");

using ScottPlot.Plot rdPlot = Figures.RateDistortionCurve(rd, LogBase.Two, "Hamming distortion D");
rdPlot.Title("R(D) of a Bernoulli(0.2) source");
string rdPath = Path.Combine(folder, "rate-distortion.png");
Figures.Save(rdPlot, rdPath, 640, 480);
ok &= CheckPng(rdPath, 640, 480);

// Information bottleneck of X a fair bit, Y = X through a BSC(0.1), |T| = 2. By Mrs. Gerber's lemma (Wyner & Ziv 1973)
// the optimal curve is I(X;T) = 1 − H_b(δ), I(T;Y) = 1 − H_b(0.1 ∗ δ) bits, with a ∗ b = a(1 − b) + b(1 − a).
const double Eps = 0.1;
var joint = JointDistribution.FromTable(new double[,] { { (1 - Eps) / 2, Eps / 2 }, { Eps / 2, (1 - Eps) / 2 } });
IReadOnlyList<InformationBottleneckResult> ib = new IterativeInformationBottleneck { Seed = 1 }.Curve(joint, 2, [1, 2, 3, 5, 8, 13, 21, 50]);
double ibWorst = ib.Max(r => Math.Abs(r.Relevance.Bits - (1 - Hb(Star(Eps, HbInverse(1 - r.Compression.Bits))))));
Console.WriteLine($"IB curve, BSC(0.1), {ib.Count} points: largest gap to Mrs. Gerber's curve is {ibWorst:E1} bits");

// A binary-symmetric encoder lies on the curve up to rounding and the bisection of H_b⁻¹ (1e-9 bits).
ok &= Check(ibWorst <= 1e-9, "IB point is off Mrs. Gerber's curve");

using ScottPlot.Plot ibPlot = Figures.InformationBottleneckCurve(ib, LogBase.Two, annotateBeta: true, mutualInformation: MutualInformation.Of(joint));
string ibPath = Path.Combine(folder, "information-bottleneck.png");
Figures.Save(ibPlot, ibPath, 640, 480);
ok &= CheckPng(ibPath, 640, 480);

// The same figure as SVG, for documents.
string svgPath = Path.ChangeExtension(ibPath, ".svg");
Figures.Save(ibPlot, svgPath, 640, 480);
ok &= Check(System.Xml.Linq.XDocument.Load(svgPath).Root?.Name.LocalName == "svg", "the SVG figure is not SVG");

Console.WriteLine($"figures written to {folder}");
return ok ? 0 : 1;

// A PNG file: its 8-byte signature, then the IHDR chunk whose width and height (big-endian) are at bytes 16 and 20.
static bool CheckPng(string path, int width, int height)
{
    byte[] bytes = File.ReadAllBytes(path);
    bool png = bytes.Length > 24 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })
        && BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)) == width && BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)) == height;
    Console.WriteLine($"  {Path.GetFileName(path)}: {bytes.Length} bytes, {(png ? $"PNG {width}×{height}" : "not the expected PNG")}");
    return Check(png, $"{path} is not a {width}×{height} PNG");
}

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
        Console.Error.WriteLine($"FAILED: {what}");
    }

    return condition;
}
