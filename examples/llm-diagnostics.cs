// Information diagnostics for neural networks and language models, checked against closed forms:
// variational MI bounds on a critic's score matrix, varentropy of token distributions, attention entropy, PMI and
// semantic entropy. Run: dotnet run examples/llm-diagnostics.cs
#:project ../src/InfoTheory/InfoTheory.csproj

using InfoTheory.Language;
using InfoTheory.Variational;

int failures = 0;
void Expect(string what, double actual, double expected, double tolerance)
{
    bool ok = Math.Abs(actual - expected) <= tolerance;
    failures += ok ? 0 : 1;
    Console.WriteLine($"  {(ok ? "ok  " : "FAIL")} {what,-44} {actual,10:F4}   expected {expected,8:F4} ± {tolerance:G2}");
}

// 1. Variational bounds. K pairs of a standard bivariate Gaussian with correlation ρ, scored by the optimal critic
//    f*(x, y) = ln p(y|x)/p(y) = −½ln(1−ρ²) − (y−ρx)²/(2(1−ρ²)) + y²/2. True MI = −½ ln(1 − ρ²).
const int K = 1024;
const double Rho = 0.8;
double truth = -0.5 * Math.Log(1 - (Rho * Rho));
var random = new Random(7);
double[] x = new double[K], y = new double[K];
for (int i = 0; i < K; i++)
{
    x[i] = Normal(random);
    y[i] = (Rho * x[i]) + (Math.Sqrt(1 - (Rho * Rho)) * Normal(random));
}

float[] scores = new float[K * K];
for (int i = 0; i < K; i++)
{
    for (int j = 0; j < K; j++)
    {
        double v = 1 - (Rho * Rho);
        scores[(i * K) + j] = (float)((-0.5 * Math.Log(v)) - ((y[j] - (Rho * x[i])) * (y[j] - (Rho * x[i])) / (2 * v)) + (y[j] * y[j] / 2));
    }
}

float[] scoresPlusOne = scores.Select(s => s + 1).ToArray(); // NWJ's optimal critic is 1 + ln ratio
Console.WriteLine($"variational bounds, optimal Gaussian critic, ρ = {Rho}, K = {K}: true I = {truth:F4} nats");
(string Name, VariationalBoundResult Result)[] bounds =
[
    ("Donsker-Varadhan (MINE)", VariationalBounds.DonskerVaradhan(scores, K)),
    ("NWJ (critic + 1)", VariationalBounds.NguyenWainwrightJordan(scoresPlusOne, K)),
    ("InfoNCE", VariationalBounds.InfoNce(scores, K)),
    ("Jensen-Shannon (read through NWJ)", VariationalBounds.JensenShannon(scores, K)),
    ("SMILE τ = 5", VariationalBounds.Smile(scores, K, clip: 5)),
];
foreach ((string name, VariationalBoundResult r) in bounds)
{
    // Each estimate is within 4 of its own standard errors of the truth (the O(1/K) biases are far smaller).
    Expect($"{name} (se {r.StandardError.Nats:F3})", r.Bound.Nats, truth, 4 * r.StandardError.Nats);
}

// InfoNCE cannot exceed ln K: with K = 8 and ρ = 0.9999 (I = 4.26 nats > ln 8 = 2.08) it saturates just under ln 8.
double[] tight = new double[64];
var r8 = new Random(3);
double[] x8 = new double[8], y8 = new double[8];
const double HighRho = 0.9999;
for (int i = 0; i < 8; i++)
{
    x8[i] = Normal(r8);
    y8[i] = (HighRho * x8[i]) + (Math.Sqrt(1 - (HighRho * HighRho)) * Normal(r8));
}

for (int i = 0; i < 8; i++)
{
    for (int j = 0; j < 8; j++)
    {
        double v = 1 - (HighRho * HighRho);
        tight[(i * 8) + j] = (-0.5 * Math.Log(v)) - ((y8[j] - (HighRho * x8[i])) * (y8[j] - (HighRho * x8[i])) / (2 * v)) + (y8[j] * y8[j] / 2);
    }
}

VariationalBoundResult saturated = VariationalBounds.InfoNce(tight, 8);
Expect("InfoNCE at K = 8, I = 4.26 (ceiling ln 8)", saturated.Bound.Nats, Math.Log(8), 0.1);

// 2. Varentropy: rows of synthetic logits with closed forms, [4 × 50 000] float.
const int V = 50_000;
float[] logits = new float[4 * V];
// Row 0: uniform → H = ln V, varentropy 0.
// Row 1: one token at 30, the rest at 0: effectively one-hot (mass e^−30·V ≈ 5e-9 elsewhere) → H ≈ 0, V ≈ 0.
logits[V + 123] = 30;
// Row 2: two tokens with p = 0.7, 0.3 and everything else masked (−∞): V = 0.7·0.3·ln(0.7/0.3)².
// Row 3: m = 10 tokens at a = 12, the rest at 0: surprisal takes two values, so V = pq·(Δ surprisal)², with
//        the m-block mass q_m = m·e^a / Z and Δ = a (the logit gap).
Array.Fill(logits, float.NegativeInfinity, 2 * V, V);
logits[(2 * V) + 5] = (float)Math.Log(0.7);
logits[(2 * V) + 6] = (float)Math.Log(0.3);
for (int c = 0; c < 10; c++)
{
    logits[(3 * V) + (c * 997)] = 12;
}

float[] h = new float[4], varentropy = new float[4];
TokenEntropy.EntropyAndVarentropyRows(logits, V, h, varentropy);
double z3 = (10 * Math.Exp(12)) + V - 10, qm = 10 * Math.Exp(12) / z3;
Console.WriteLine($"token entropy and varentropy, vocabulary {V}:");
Expect("uniform: entropy = ln V", h[0], Math.Log(V), 1e-4);
Expect("uniform: varentropy = 0", varentropy[0], 0, 1e-4);
Expect("one-hot: entropy ≈ 0", h[1], 0, 1e-5);
Expect("two-point 0.7/0.3: varentropy", varentropy[2], 0.7 * 0.3 * Math.Pow(Math.Log(0.7 / 0.3), 2), 1e-5);
Expect("10 peaks at 12 over 50 000: varentropy", varentropy[3], qm * (1 - qm) * 144, 1e-3 * qm * (1 - qm) * 144);

// 3. Attention entropy: head 0 uniform (normalised 1), head 1 one-hot (0), causal head 2 uniform over its prefix.
const int Q = 16;
float[] attention = new float[3 * Q * Q];
for (int q = 0; q < Q; q++)
{
    for (int k = 0; k < Q; k++)
    {
        attention[(q * Q) + k] = 1f / Q;
        attention[(((2 * Q) + q) * Q) + k] = k <= q ? 1f / (q + 1) : 0f;
    }

    attention[((Q + q) * Q) + q] = 1f;
}

AttentionEntropyResult dense = AttentionEntropy.FromWeights(attention, 3, Q, Q);
// A causal mask applies to every head of a call: pass the causal head on its own (its rows are prefixes).
AttentionEntropyResult causal = AttentionEntropy.FromWeights(attention.AsSpan(2 * Q * Q, Q * Q), 1, Q, Q, causal: true);
Console.WriteLine("attention entropy (normalised by ln of the visible keys):");
Expect("uniform head", dense.HeadMeanNormalized[0], 1, 1e-5);
Expect("one-hot head", dense.HeadMeanNormalized[1], 0, 1e-6);
Expect("causal uniform head (row 0 sees one key → 0)", causal.HeadMeanNormalized[0], (Q - 1.0) / Q, 1e-5);

// 4. PMI of a step, and semantic entropy of sampled answers.
Console.WriteLine("PMI and semantic entropy:");
Expect("PMI: ln 0.6 − ln 0.2 = ln 3", PointwiseMutualInformation.OfSequence([Math.Log(0.6)], [Math.Log(0.2)]).Nats, Math.Log(3), 1e-12);
string[] answers = ["Paris", "paris", "It is Paris", "Lyon", "Marseille"];
double[] logProbs = [Math.Log(0.4), Math.Log(0.2), Math.Log(0.1), Math.Log(0.2), Math.Log(0.1)];
int[] clusters = SemanticEntropy.ClusterGreedy(answers.Length, (i, j) => Meaning(answers[i]) == Meaning(answers[j]));
double pParis = 0.7, pLyon = 0.2, pMarseille = 0.1;
Expect("semantic entropy (weighted)", SemanticEntropy.FromClusters(logProbs, clusters).Nats,
    -((pParis * Math.Log(pParis)) + (pLyon * Math.Log(pLyon)) + (pMarseille * Math.Log(pMarseille))), 1e-12);
Expect("semantic entropy (discrete: 3/5, 1/5, 1/5)", SemanticEntropy.Discrete(clusters).Nats,
    -((0.6 * Math.Log(0.6)) + (2 * 0.2 * Math.Log(0.2))), 1e-12);

if (failures > 0)
{
    Console.Error.WriteLine($"FAILED: {failures} check(s) off their closed forms");
    return 1;
}

Console.WriteLine("all checks passed");
return 0;

static string Meaning(string answer) => answer.Contains("paris", StringComparison.OrdinalIgnoreCase) ? "Paris" : answer;

static double Normal(Random random) =>
    Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
