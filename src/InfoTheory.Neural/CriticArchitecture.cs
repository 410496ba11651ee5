namespace InfoTheory.Neural;

/// <summary>How a critic f(x, y) is built from multilayer perceptrons (ReLU hidden layers, linear output).</summary>
public enum CriticArchitecture
{
    /// <summary>
    /// f(x, y) = MLP([x; y]), one network on the concatenated pair with a scalar output (MINE; the <c>bmi</c>
    /// benchmark's critic). The more flexible; a batch of K costs K² network evaluations.
    /// </summary>
    Joint,

    /// <summary>
    /// f(x, y) = g(x)ᵀh(y), two networks to an embedding of <see cref="NeuralMutualInformation.EmbeddingDimension"/>
    /// values (CPC; Poole et al. 2019). A batch costs 2K evaluations and a K × K × E product.
    /// </summary>
    Separable,
}
