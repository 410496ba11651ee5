namespace InfoTheory.Selection;

/// <summary>One step of a greedy selection: the feature chosen and the criterion's score that chose it.</summary>
/// <param name="Column">The zero-based index of the feature chosen at this step.</param>
/// <param name="Score">The criterion J of the chosen feature given the features chosen before it (see <see cref="SelectionCriterion"/>).</param>
/// <param name="Relevance">The feature's own mutual information with the target, I(X_column;Y).</param>
public readonly record struct SelectionStep(int Column, Information Score, Information Relevance);
