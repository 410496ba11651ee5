using InfoTheory.Language;

namespace InfoTheory.Tests.Language;

public sealed class PolicyEntropyTests
{
    private static double SoftmaxEntropy(double[] z)
    {
        double max = z.Max(), sum = z.Sum(v => Math.Exp(v - max));
        return -z.Sum(v => Math.Exp(v - max) / sum * ((v - max) - Math.Log(sum)));
    }

    [Fact]
    public void Covariance_HandComputed()
    {
        // Means −2 and 0; centred products 1·1, 0·0, (−1)(−1): covariance 2/3.
        Assert.Equal(2.0 / 3, PolicyEntropy.Covariance([-1, -2, -3], [1, 0, -1]), 15);
        double[] terms = new double[3];
        PolicyEntropy.CovarianceTerms([-1, -2, -3], [1, 0, -1], terms);
        Assert.Equal([1.0, 0.0, 1.0], terms);
        Assert.Equal(0, PolicyEntropy.Covariance([-0.5], [3]));
    }

    [Theory]
    [InlineData(1.0, -0.5, 0.3)]
    [InlineData(-1.0, 2.0, 0.0)]
    public void PredictedEntropyChange_MatchesOneNaturalGradientStep(double a0, double a1, double a2)
    {
        // A one-state softmax policy π = (½, ¼, ¼): sampling tokens in proportion 2:1:1 makes the batch covariance the
        // exact Cov_{a∼π}(ln π, A). Natural policy gradient on tabular softmax moves the logits by η·A (Cui et al. 2025),
        // and the first-order prediction −η·Cov must match the exact entropy change up to O(η²): at η = 1e-3 the
        // second-order term is ≲ η²·(max |A|)²·ln 3 ≈ 5e-6, so 2e-5 separates it from any first-order error (≳ 1e-4).
        double[] logPi = [Math.Log(0.5), Math.Log(0.25), Math.Log(0.25)];
        double[] advantage = [a0, a1, a2];
        const double Eta = 1e-3;
        double[] logProbs = [logPi[0], logPi[0], logPi[1], logPi[2]];
        double[] advantages = [a0, a0, a1, a2];
        double predicted = PolicyEntropy.PredictedEntropyChange(logProbs, advantages, Eta).Nats;
        double actual = SoftmaxEntropy(logPi.Select((z, i) => z + (Eta * advantage[i])).ToArray()) - SoftmaxEntropy(logPi);
        Assert.Equal(actual, predicted, 2e-5);
        Assert.True(Math.Abs(predicted) > 1e-4);
    }

    [Fact]
    public void FitEntropyPerformance_ExactCurve_RecoversCoefficients()
    {
        // R = −2·e^H + 3 exactly at five entropies: least squares recovers a = 2, b = 3 with R² = 1.
        double[] h = [0.1, 0.3, 0.5, 0.8, 1.2];
        double[] r = h.Select(x => (-2 * Math.Exp(x)) + 3).ToArray();
        EntropyPerformanceFit fit = PolicyEntropy.FitEntropyPerformance(h, r);
        Assert.Equal(2, fit.A, 12);
        Assert.Equal(3, fit.B, 12);
        Assert.Equal(1, fit.RSquared, 12);
        Assert.Equal(1, fit.PerformanceAtZeroEntropy, 12);
        Assert.Equal((-2 * Math.Exp(0.7)) + 3, fit.Predict(0.7), 12);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("logProbs", Assert.Throws<ArgumentException>(() => PolicyEntropy.Covariance([0.5], [1])).ParamName);
        Assert.Equal("logProbs", Assert.Throws<ArgumentException>(() => PolicyEntropy.Covariance([double.NaN], [1])).ParamName);
        Assert.Equal("logProbs", Assert.Throws<ArgumentException>(() => PolicyEntropy.Covariance([], [])).ParamName);
        Assert.Equal("advantages", Assert.Throws<ArgumentException>(() => PolicyEntropy.Covariance([-1, -2], [1])).ParamName);
        Assert.Equal("advantages", Assert.Throws<ArgumentException>(() => PolicyEntropy.Covariance([-1], [double.PositiveInfinity])).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() => PolicyEntropy.PredictedEntropyChange([-1], [1], 0)).ParamName);
        Assert.Equal("entropies", Assert.Throws<ArgumentException>(() => PolicyEntropy.FitEntropyPerformance([1, 1, 1], [0.1, 0.2, 0.3])).ParamName);
        Assert.Equal("entropies", Assert.Throws<ArgumentException>(() => PolicyEntropy.FitEntropyPerformance([1], [0.1])).ParamName);
        Assert.Equal("entropies", Assert.Throws<ArgumentException>(() => PolicyEntropy.FitEntropyPerformance([-0.5, 1, 2], [0.1, 0.2, 0.3])).ParamName);
        Assert.Equal("entropies", Assert.Throws<ArgumentException>(() => PolicyEntropy.FitEntropyPerformance([1, 2, 800], [0.1, 0.2, 0.3])).ParamName);
    }
}

public sealed class AttentionEntropyTests
{
    [Fact]
    public void FromScores_NaNOrPlusInfinityAmongVisibleKeys_Throws_MaskedKeysAreNot()
    {
        // One head, two queries, two keys, causal: query 0 sees key 0 only, so a NaN at key 1 of row 0 is never read.
        double[] masked = [0.0, double.NaN, 1.0, 1.0];
        AttentionEntropyResult ok = AttentionEntropy.FromScores(masked, 1, 2, 2, causal: true);
        Assert.Equal(0, ok.Row(0, 0).Nats, 15);
        Assert.Equal(Math.Log(2), ok.Row(0, 1).Nats, 14); // equal scores: uniform over two keys
        var error = Assert.Throws<ArgumentException>("scores", () => AttentionEntropy.FromScores([0.0, 1.0, double.PositiveInfinity, 1.0], 1, 2, 2));
        Assert.Contains("head 0, query 1, key 0", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("scores", () => AttentionEntropy.FromScores([0f, float.NaN], 1, 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>("query", () => ok.Row(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>("head", () => ok.Row(1, 0));
    }

    [Fact]
    public void Uniform_NormalizedOne_OneHot_Zero()
    {
        // Head 0 uniform over 8 keys (H = ln 8, normalised 1); head 1 one-hot (H = 0).
        const int Queries = 3, Keys = 8;
        float[] w = new float[2 * Queries * Keys];
        for (int q = 0; q < Queries; q++)
        {
            for (int k = 0; k < Keys; k++)
            {
                w[(q * Keys) + k] = 1f / Keys;
            }

            w[((Queries + q) * Keys) + q] = 1f;
        }

        AttentionEntropyResult r = AttentionEntropy.FromWeights(w, 2, Queries, Keys);
        Assert.Equal(Math.Log(Keys), r.HeadMean[0], 6);
        Assert.Equal(1, r.HeadMeanNormalized[0], 6);
        Assert.Equal(0, r.HeadMean[1], 12);
        Assert.Equal(0, r.HeadMeanNormalized[1], 12);
        Assert.Equal(Math.Log(Keys), r.Row(0, 2).Nats, 6);
    }

    [Fact]
    public void Causal_UniformOverVisibleKeys_NormalizedOneExceptSingleKeyRow()
    {
        // queries = keys = 4, lower-triangular: row q is uniform over q + 1 keys; the entries above the diagonal are
        // NaN to prove they are never read. Row 0 sees one key: entropy 0, normalised 0; the others normalised 1.
        const int N = 4;
        double[] w = new double[N * N];
        for (int q = 0; q < N; q++)
        {
            for (int k = 0; k < N; k++)
            {
                w[(q * N) + k] = k <= q ? 1.0 / (q + 1) : double.NaN;
            }
        }

        AttentionEntropyResult r = AttentionEntropy.FromWeights(w, 1, N, N, causal: true);
        Assert.Equal([0, Math.Log(2), Math.Log(3), Math.Log(4)], r.RowEntropy, new Tolerance(1e-14));
        Assert.Equal([0, 1, 1, 1], r.RowNormalizedEntropy, new Tolerance(1e-14));
        Assert.Equal(0.75, r.HeadMeanNormalized[0], 14);
    }

    [Fact]
    public void CausalScores_EqualDenseMaskedComputation()
    {
        // Causal from scores (prefix only, nothing materialised) must equal the dense computation with −∞ written
        // into the masked positions; keys > queries checks the KV-cache alignment (query q sees keys − queries + q + 1).
        var random = new Random(3);
        const int Heads = 3, Queries = 5, Keys = 9;
        double[] scores = new double[Heads * Queries * Keys];
        double[] masked = new double[scores.Length];
        for (int h = 0; h < Heads; h++)
        {
            for (int q = 0; q < Queries; q++)
            {
                for (int k = 0; k < Keys; k++)
                {
                    int i = (((h * Queries) + q) * Keys) + k;
                    bool visible = k < Keys - Queries + q + 1;
                    scores[i] = visible ? 4 * (random.NextDouble() - 0.5) : double.NaN;
                    masked[i] = visible ? scores[i] : double.NegativeInfinity;
                }
            }
        }

        AttentionEntropyResult causal = AttentionEntropy.FromScores(scores, Heads, Queries, Keys, causal: true, temperature: 0.7);
        AttentionEntropyResult dense = AttentionEntropy.FromScores(masked, Heads, Queries, Keys, temperature: 0.7);
        Assert.Equal(dense.RowEntropy, causal.RowEntropy, new Tolerance(1e-13));
        Assert.Equal(dense.HeadMean, causal.HeadMean, new Tolerance(1e-13));

        // And from the weights softmax(masked / T) computed here, the entropies agree.
        double[] weights = new double[masked.Length];
        for (int row = 0; row < Heads * Queries; row++)
        {
            double[] z = masked.Skip(row * Keys).Take(Keys).Select(v => v / 0.7).ToArray();
            double max = z.Max(), sum = z.Sum(v => Math.Exp(v - max));
            for (int k = 0; k < Keys; k++)
            {
                weights[(row * Keys) + k] = Math.Exp(z[k] - max) / sum;
            }
        }

        Assert.Equal(dense.RowEntropy, AttentionEntropy.FromWeights(weights, Heads, Queries, Keys).RowEntropy, new Tolerance(1e-12));
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => AttentionEntropy.FromWeights(new double[7], 1, 2, 4)).ParamName);
        var notStochastic = Assert.Throws<ArgumentException>(() => AttentionEntropy.FromWeights([0.5, 0.5, 0.5, 0.4], 1, 2, 2));
        Assert.Contains("head 0, query 1", notStochastic.Message, StringComparison.Ordinal);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => AttentionEntropy.FromWeights([1.5f, -0.5f], 1, 1, 2)).ParamName);
        Assert.Equal("keys", Assert.Throws<ArgumentOutOfRangeException>(() => AttentionEntropy.FromScores(new double[6], 1, 3, 2, causal: true)).ParamName);
        Assert.Equal("heads", Assert.Throws<ArgumentOutOfRangeException>(() => AttentionEntropy.FromScores(new float[4], 0, 2, 2)).ParamName);
        Assert.Equal("temperature", Assert.Throws<ArgumentOutOfRangeException>(() => AttentionEntropy.FromScores(new float[4], 1, 2, 2, temperature: -1)).ParamName);
    }

    private sealed class Tolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}

public sealed class PointwiseMutualInformationTests
{
    [Fact]
    public void Of_IsDifferenceOfLogProbs()
    {
        Assert.Equal(2, PointwiseMutualInformation.Of(-1, -3).Nats, 15);
        Assert.Equal(-0.5, PointwiseMutualInformation.Of(-2, -1.5).Nats, 15);
        Assert.Equal(double.PositiveInfinity, PointwiseMutualInformation.Of(-1, double.NegativeInfinity).Nats);
        Assert.Equal(-1.5 + 4.0, PointwiseMutualInformation.OfSequence([-1, -0.5], [-3, -1]).Nats, 15);
        double[] bits = new double[2];
        PointwiseMutualInformation.Tokens([-1, -0.5], [-3, -1], bits, LogBase.Two);
        Assert.Equal(2 / Math.Log(2), bits[0], 14);
        Assert.Equal(0.5 / Math.Log(2), bits[1], 14);
    }

    [Fact]
    public void ExpectedPmi_IsMutualInformation_OfBinarySymmetricChannel()
    {
        // Uniform X through a binary symmetric channel with crossover 0.2: p(y|x) = 0.8 or 0.2, p(y) = ½, and
        // E_{x,y}[PMI] = I(X;Y) = ln 2 − h(0.2) nats (Cover & Thomas, §7.1.4).
        double expected = Math.Log(2) + (0.2 * Math.Log(0.2)) + (0.8 * Math.Log(0.8));
        double mean = 0;
        foreach ((double pxy, double pyGivenX) in new[] { (0.4, 0.8), (0.1, 0.2), (0.1, 0.2), (0.4, 0.8) })
        {
            mean += pxy * PointwiseMutualInformation.Of(Math.Log(pyGivenX), Math.Log(0.5)).Nats;
        }

        Assert.Equal(expected, mean, 14);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("logProbWithContext", Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.Of(0.1, -1)).ParamName);
        Assert.Equal("logProbWithoutContext", Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.Of(-1, double.NaN)).ParamName);
        Assert.Equal("logProbsWithoutContext", Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.OfSequence([-1.0], [-1.0, -2.0])).ParamName);
        Assert.Equal("logProbsWithContext", Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.OfSequence([1.0], [-1.0])).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.Tokens([-1.0], [-1.0], [])).ParamName);
    }
}

public sealed class NormalizedPmiTests
{
    [Fact]
    public void Normalized_HandComputedCases()
    {
        // p(x) = 0.5, p(y | x) = 0.4, p(y) = 0.3: PMI = ln(0.4/0.3), p(x, y) = 0.2, NPMI = ln(4/3) / ln 5.
        Assert.Equal(Math.Log(4.0 / 3) / Math.Log(5), PointwiseMutualInformation.Normalized(Math.Log(0.4), Math.Log(0.3), Math.Log(0.5)), 1e-15);
        // Independence: p(y | x) = p(y).
        Assert.Equal(0, PointwiseMutualInformation.Normalized(Math.Log(0.3), Math.Log(0.3), Math.Log(0.5)));
        // Only together: p(y | x) = 1 and p(x) = p(y) = 0.3, so p(x, y) = p(x) = p(y): NPMI = 1.
        Assert.Equal(1, PointwiseMutualInformation.Normalized(0, Math.Log(0.3), Math.Log(0.3)), 1e-15);
        // Never together: −1; both certain: 1.
        Assert.Equal(-1, PointwiseMutualInformation.Normalized(double.NegativeInfinity, Math.Log(0.3), Math.Log(0.5)));
        Assert.Equal(1, PointwiseMutualInformation.Normalized(0, 0, 0));
    }

    [Fact]
    public void Normalized_BadInput_NamesTheParameter()
    {
        Assert.Equal("logProbOfEvidence", Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.Normalized(-1, -1, 0.5)).ParamName);
        Assert.Equal("logProbWithContext", Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.Normalized(double.NaN, -1, -1)).ParamName);
        Assert.Equal("logProbWithoutContext", Assert.Throws<ArgumentException>(() => PointwiseMutualInformation.Normalized(-1, double.NegativeInfinity, -1)).ParamName);
    }
}
