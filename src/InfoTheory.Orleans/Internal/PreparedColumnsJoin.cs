using InfoTheory.Selection;

namespace InfoTheory.Orleans.Internal;

/// <summary>Two prepared column sets side by side, as if prepared together: preparation is column by column, so this is exact.</summary>
internal static class PreparedColumnsJoin
{
    public static PreparedColumns Join(PreparedColumns first, PreparedColumns second) =>
        new(first.Estimator, first.Normalize, first.K, first.Rows, first.Count + second.Count)
        {
            Scores = [.. first.Scores, .. second.Scores],
            Constant = [.. first.Constant, .. second.Constant],
            Standardized = [.. first.Standardized, .. second.Standardized],
            Symbols = [.. first.Symbols, .. second.Symbols],
            Entropies = [.. first.Entropies, .. second.Entropies],
        };
}
