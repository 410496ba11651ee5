namespace InfoTheory.Continuous.Internal;

/// <summary>
/// Normal scores for the Gaussian-copula estimators, with constant columns set aside. A constant column has mid-rank
/// (n + 1)/2 everywhere, so its scores are exactly zero; it carries no information about anything, and leaving it in
/// would only make the covariance singular. The copula estimators therefore estimate on the remaining columns, which
/// is the same quantity: I(X, c; Y) = I(X; Y) for a constant c.
/// </summary>
internal static class CopulaScores
{
    /// <summary>The normal scores of the non-constant columns of <paramref name="samples"/>; null when every column is constant.</summary>
    public static SampleMatrix? Informative(SampleMatrix samples)
    {
        SampleMatrix scores = NormalScores.Transform(samples);
        ReadOnlySpan<double> data = scores.Data.Span;
        int d = scores.Columns;
        var kept = new List<int>(d);
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < scores.Rows; i++)
            {
                if (data[(i * d) + j] != 0)
                {
                    kept.Add(j);
                    break;
                }
            }
        }

        return kept.Count == d ? scores : kept.Count == 0 ? null : scores.SelectColumns(kept.ToArray());
    }
}
