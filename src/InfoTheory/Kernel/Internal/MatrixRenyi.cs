using InfoTheory.Continuous;
using InfoTheory.Primitives.Simd;

namespace InfoTheory.Kernel.Internal;

/// <summary>
/// Matrix-based Rényi α-entropies of normalised Hadamard products of Gram matrices, for several subsets of
/// variables at once: Sₐ(A_S) with A_S = (∘ₘ∈S Kₘ) / tr(∘ₘ∈S Kₘ).
/// </summary>
internal static class MatrixRenyi
{
    /// <summary>Entropies in nats, one per subset mask (bit m = variable m).</summary>
    /// <remarks>
    /// <paramref name="names"/>[m] is the public parameter of variable m, named by the errors. Each variable is prepared
    /// (centred and scaled, <see cref="GramInput"/>) before its Gram matrix is formed, so every entropy is invariant under
    /// translation of any variable. The memory check for α ≠ 2 runs before any work.
    /// </remarks>
    public static double[] Entropies(SampleMatrix[] variables, string[] names, KernelFunction kernel, int[] subsets, double alpha, int maxDegreeOfParallelism)
    {
        int n = variables[0].Rows;
        if (alpha != 2)
        {
            GramInput.RequireSquare(n, variables.Length + 1, names[0], "The Gram matrices of a general-order matrix-based entropy",
                "α = 2 streams the Gram tiles without storing them; StochasticMatrixEntropy estimates other orders with O(n) memory.");
        }

        KernelParameters[] kernels = new KernelParameters[variables.Length];
        for (int m = 0; m < variables.Length; m++)
        {
            GramInput.Prepared prepared = GramInput.Prepare(variables[m], kernel, names[m]);
            variables[m] = prepared.Samples;
            kernels[m] = prepared.Kernel;
        }

        double[] result = new double[subsets.Length];
        if (alpha == 2)
        {
            // S₂(A) = −ln tr(A²) = −ln(‖K‖²_F / (tr K)²), streamed tile by tile: no n × n matrix is stored.
            (double[] frobenius, double[] trace) = GramBuilder.HadamardSums(variables, kernels, subsets, maxDegreeOfParallelism);
            for (int s = 0; s < subsets.Length; s++)
            {
                result[s] = (2 * Math.Log(trace[s])) - Math.Log(frobenius[s]);
            }

            return result;
        }

        double[][] grams = new double[variables.Length][];
        for (int m = 0; m < variables.Length; m++)
        {
            grams[m] = new double[n * n];
            GramBuilder.Fill(variables[m], kernels[m], grams[m], maxDegreeOfParallelism);
        }

        double[] product = new double[n * n];
        for (int s = 0; s < subsets.Length; s++)
        {
            bool first = true;
            for (int m = 0; m < variables.Length; m++)
            {
                if ((subsets[s] & (1 << m)) == 0)
                {
                    continue;
                }

                if (first)
                {
                    grams[m].CopyTo(product, 0);
                    first = false;
                }
                else
                {
                    System.Numerics.Tensors.TensorPrimitives.Multiply(product, grams[m], product);
                }
            }

            double trace = 0;
            for (int i = 0; i < n; i++)
            {
                trace += product[(i * n) + i];
            }

            double[] spectrum = MatrixValidation.NormalizedSpectrum(product, n, trace, names[0]);
            result[s] = Kernels.RenyiEntropy<double>(spectrum, alpha);
        }

        return result;
    }

    /// <summary>Masks 1, 2, 4, … and the full set, for marginal and joint entropies of k variables.</summary>
    public static int Full(int count) => (1 << count) - 1;
}
