namespace InfoTheory.Kernel;

/// <summary>The positive-definite kernels a <see cref="KernelFunction"/> can be.</summary>
public enum KernelType
{
    /// <summary>Gaussian (RBF): k(x, y) = exp(−‖x − y‖² / (2σ²)); k(x, x) = 1.</summary>
    Gaussian,

    /// <summary>Laplacian (exponential) on the Euclidean distance: k(x, y) = exp(−‖x − y‖ / σ); k(x, x) = 1.</summary>
    Laplacian,

    /// <summary>Linear: k(x, y) = x · y.</summary>
    Linear,

    /// <summary>Polynomial: k(x, y) = (γ x · y + c)^p.</summary>
    Polynomial,
}
