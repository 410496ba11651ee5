// Entropy of next-token distributions straight from a language model's logits, one row per generated token,
// and the "forking" tokens where the model hesitated most. Run: dotnet run examples/token-entropy.cs
#:project ../src/InfoTheory/InfoTheory.csproj

using InfoTheory;
using InfoTheory.Primitives;

// Compile the row kernels on another core while the logits are built: the first batch then runs at full speed.
_ = Warmup.Start(WarmupAreas.Rows);

// A synthetic [tokens × vocabulary] float matrix: at each position `candidates` tokens share the logit `peak` and the
// rest of the vocabulary has logit 0: a confident step has one high candidate, a fork several, and a low peak leaves
// much of the mass spread over the vocabulary.
const int Vocabulary = 32_000;
(string Token, int Candidates, float Peak)[] steps =
[
    ("The", 1, 18f), (" cat", 4, 15f), (" sat", 2, 16f), (" on", 1, 17f), (" the", 1, 19f),
    (" mat", 6, 14f), (",", 2, 17f), (" and", 3, 15f), (" then", 1, 11f), (" slept", 8, 13f),
];

float[] logits = new float[steps.Length * Vocabulary];
for (int t = 0; t < steps.Length; t++)
{
    // Candidate ids scattered over the vocabulary; which ids they are does not change the entropy.
    for (int c = 0; c < steps[t].Candidates; c++)
    {
        logits[(t * Vocabulary) + ((c * 7919) + (t * 104_729)) % Vocabulary] = steps[t].Peak;
    }
}

// One call for all rows: the softmax is never materialised; the result is written in bits.
float[] entropyBits = new float[steps.Length];
InformationPrimitives.SoftmaxEntropyRows(logits, Vocabulary, entropyBits, logBase: LogBase.Two);

Console.WriteLine($"per-token entropy of softmax(logits), vocabulary {Vocabulary}, in bits (max log2 V = {Math.Log2(Vocabulary):F3})");
Console.WriteLine("pos  token      H (bits)");
for (int t = 0; t < steps.Length; t++)
{
    Console.WriteLine($"{t,3}  {steps[t].Token,-9} {entropyBits[t],8:F4}  {new string('#', (int)Math.Round(entropyBits[t] * 4))}");
}

// Forking tokens: the highest-entropy positions, where sampling could most change the continuation.
Console.WriteLine("forking tokens (highest entropy first):");
foreach (int t in Enumerable.Range(0, steps.Length).OrderByDescending(t => entropyBits[t]).Take(3))
{
    Console.WriteLine($"  {t,3}  {steps[t].Token,-9} {entropyBits[t]:F4} bits");
}

// The one-row facade agrees and carries its unit: an Information value.
Information first = InformationPrimitives.SoftmaxEntropy(logits.AsSpan(0, Vocabulary));
Console.WriteLine($"row 0 through SoftmaxEntropy: {first} ({first.Nats:F6} nats)");

// Check every row against the closed form: with m logits at a and V − m at 0, Z = m·e^a + V − m and
// H = ln Z − m·a·e^a / Z nats. The rows are float and the kernel accumulates in double, so the error is float
// rounding of a value below 15 bits (~1e-6 bits); 1e-4 bits leaves a wide margin and still catches any real mistake.
const double Tolerance = 1e-4;
double worst = 0;
for (int t = 0; t < steps.Length; t++)
{
    double m = steps[t].Candidates, a = steps[t].Peak;
    double z = (m * Math.Exp(a)) + Vocabulary - m;
    double exactBits = (Math.Log(z) - (m * a * Math.Exp(a) / z)) / Math.Log(2);
    worst = Math.Max(worst, Math.Abs(entropyBits[t] - exactBits));
}

Console.WriteLine($"largest deviation from the closed form: {worst:G3} bits (tolerance {Tolerance:G})");
if (!(worst <= Tolerance))
{
    Console.Error.WriteLine("FAILED: softmax entropy rows differ from the closed form");
    return 1;
}

return 0;
