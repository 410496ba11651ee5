namespace InfoTheory.Selection;

/// <summary>The outcome of a greedy feature selection: the chosen features in the order they were chosen, with their scores.</summary>
public sealed class FeatureSelectionResult
{
    internal FeatureSelectionResult(SelectionCriterion criterion, SelectionStep[] steps)
    {
        Criterion = criterion;
        Steps = steps;
        Order = Array.ConvertAll(steps, s => s.Column);
    }

    /// <summary>The criterion that made the choices.</summary>
    public SelectionCriterion Criterion { get; }

    /// <summary>One entry per step: the feature chosen and its score at that step.</summary>
    public IReadOnlyList<SelectionStep> Steps { get; }

    /// <summary>The chosen column indices, first chosen first.</summary>
    public IReadOnlyList<int> Order { get; }
}
