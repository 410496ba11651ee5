namespace InfoTheory.Selection;

/// <summary>The estimated mutual information between one feature (column) and the target.</summary>
/// <param name="Column">The zero-based column index of the feature.</param>
/// <param name="Information">The estimate Î(X_column; Y); k-NN and bias-corrected estimates can be slightly negative and are not clipped.</param>
/// <param name="Estimator">The name of the estimator type that produced the value (e.g. <c>KsgMutualInformation</c>).</param>
/// <param name="Discrete">Whether the feature was treated as discrete.</param>
public readonly record struct FeatureScore(int Column, Information Information, string Estimator, bool Discrete);
