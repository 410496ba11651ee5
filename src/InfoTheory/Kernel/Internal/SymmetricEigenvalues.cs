using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace InfoTheory.Kernel.Internal;

/// <summary>
/// Eigenvalues (no eigenvectors) of a real symmetric matrix: Householder reduction to tridiagonal form, then the
/// implicit symmetric QR iteration with Wilkinson shifts (Golub &amp; Van Loan 2013, "Matrix Computations", 4th ed.,
/// Algorithms 8.3.1 and 8.3.2).
/// </summary>
/// <remarks>
/// <para>
/// MathNet.Numerics' symmetric EVD always accumulates eigenvectors and took about 1 s for n = 512 on the reference
/// machine (O(n³) with a large constant), which made it the bottleneck of every general-α matrix entropy; it is
/// kept as the reference in the tests.
/// </para>
/// <para>
/// The reduction works on the upper triangle, row by row (rows are contiguous, so every inner loop is a SIMD
/// stream). Step k applies A ← A − u wᵀ − w uᵀ to the trailing rows and, in the same pass over each row, forms the
/// symmetric product A u′ that step k + 1 needs (u′ is computed first from the already updated row k + 1). The
/// trailing triangle is therefore read and written once per step: about n³/3 element updates in all, with
/// 4/3 n³ flops. Rows go four at a time so that the vectors u, w, u′ and p are loaded once per four matrix
/// entries; that, not the arithmetic, was the limit (n = 2048: 0.95 s one row at a time, 0.33 s four at a time). The tridiagonal QR costs O(n²). Backward stable: computed eigenvalues are exact for a matrix
/// within about n·ε·‖A‖₂ of the input.
/// </para>
/// </remarks>
internal static class SymmetricEigenvalues
{
    /// <summary>The eigenvalues of the symmetric n × n matrix <paramref name="matrix"/>, ascending. The upper triangle is read; <paramref name="matrix"/> is overwritten.</summary>
    public static double[] ComputeInPlace(double[] matrix, int n)
    {
        double[] diagonal = new double[n];
        double[] offDiagonal = new double[Math.Max(n - 1, 0)];
        Tridiagonalize(matrix, n, diagonal, offDiagonal);
        TridiagonalQr(diagonal, offDiagonal);
        Array.Sort(diagonal);
        return diagonal;
    }

    /// <summary>Householder reduction of the upper triangle to (diagonal, offDiagonal).</summary>
    private static void Tridiagonalize(double[] a, int n, double[] diagonal, double[] offDiagonal)
    {
        if (n <= 2)
        {
            for (int i = 0; i < n; i++)
            {
                diagonal[i] = a[(i * n) + i];
            }

            if (n == 2)
            {
                offDiagonal[0] = a[1];
            }

            return;
        }

        double[] u = new double[n], w = new double[n], p = new double[n];
        double[] uNext = new double[n], pNext = new double[n];

        // Step 0: reflector from row 0 and p = A′u by a plain symmetric product over the upper triangle.
        double tau = Reflector(a.AsSpan(1, n - 1), u.AsSpan(1, n - 1), out double alpha);
        for (int i = 1; i < n; i++)
        {
            SymmetricRowProduct(a.AsSpan((i * n) + i, n - i), u.AsSpan(i, n - i), u[i], p.AsSpan(i, n - i));
        }

        for (int k = 0; k < n - 2; k++)
        {
            diagonal[k] = a[(k * n) + k];
            offDiagonal[k] = alpha;
            int start = k + 1, length = n - start;
            Span<double> uk = u.AsSpan(start, length), pk = p.AsSpan(start, length), wk = w.AsSpan(start, length);

            // w = τ p − (τ²/2)(pᵀu) u, so that H A H = A − u wᵀ − w uᵀ.
            double half = 0.5 * tau * tau * Dot(pk, uk);
            for (int j = 0; j < length; j++)
            {
                wk[j] = (tau * pk[j]) - (half * uk[j]);
            }

            // Row k + 1 first: its updated tail gives the next reflector.
            UpdateRow(a.AsSpan((start * n) + start, length), uk, wk, u[start], w[start]);
            bool more = k + 1 < n - 2;
            double tauNext = 0, alphaNext = 0;
            if (more)
            {
                Array.Clear(uNext);
                Array.Clear(pNext);
                tauNext = Reflector(a.AsSpan((start * n) + start + 1, length - 1), uNext.AsSpan(start + 1, length - 1), out alphaNext);
            }

            int i = start + 1;
            if (more && tauNext != 0)
            {
                for (; i + 4 <= n; i += 4)
                {
                    UpdateFourRowsAndProduct(a, n, i, u, w, uNext, pNext);
                }
            }

            for (; i < n; i++)
            {
                Span<double> row = a.AsSpan((i * n) + i, n - i);
                if (more && tauNext != 0)
                {
                    UpdateRowAndProduct(row, u.AsSpan(i, n - i), w.AsSpan(i, n - i), uNext.AsSpan(i, n - i), pNext.AsSpan(i, n - i));
                }
                else
                {
                    UpdateRow(row, u.AsSpan(i, n - i), w.AsSpan(i, n - i), u[i], w[i]);
                }
            }

            if (more)
            {
                (u, uNext) = (uNext, u);
                (p, pNext) = (pNext, p);
                tau = tauNext;
                alpha = alphaNext;
            }
        }

        diagonal[n - 2] = a[((n - 2) * n) + n - 2];
        diagonal[n - 1] = a[((n - 1) * n) + n - 1];
        offDiagonal[n - 2] = a[((n - 2) * n) + n - 1];
    }

    /// <summary>
    /// The reflector H = I − τ u uᵀ with H x = α e₁ (α = −sign(x₀)‖x‖); writes u into <paramref name="u"/>, returns τ
    /// (0 when x is already a multiple of e₁, in which case u = 0 and α = x₀). u is computed from x / max|xᵢ| (H does
    /// not depend on the scale of u), so entries near the underflow threshold, whose squares would vanish, still give
    /// an orthogonal H.
    /// </summary>
    private static double Reflector(ReadOnlySpan<double> x, Span<double> u, out double alpha)
    {
        double scale = System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(x);
        scale = Math.Abs(scale);
        double x0 = x[0];
        if (scale == 0)
        {
            u.Clear();
            alpha = x0;
            return 0;
        }

        System.Numerics.Tensors.TensorPrimitives.Divide(x, scale, u);
        double tailSquares = Dot(u[1..], u[1..]);
        if (tailSquares == 0)
        {
            u.Clear();
            alpha = x0;
            return 0;
        }

        double u0 = u[0];
        double norm = Math.Sqrt((u0 * u0) + tailSquares);
        double scaledAlpha = u0 >= 0 ? -norm : norm;
        alpha = scaledAlpha * scale;
        u[0] = u0 - scaledAlpha;
        return 2.0 / (tailSquares + (u[0] * u[0]));
    }

    /// <summary>row[j] −= uᵢ w[j] + wᵢ u[j] over the row's upper part (j ≥ i).</summary>
    private static void UpdateRow(Span<double> row, ReadOnlySpan<double> u, ReadOnlySpan<double> w, double ui, double wi)
    {
        ref double r = ref MemoryMarshal.GetReference(row);
        ref double us = ref MemoryMarshal.GetReference(u);
        ref double ws = ref MemoryMarshal.GetReference(w);
        var vu = new Vector<double>(-ui);
        var vw = new Vector<double>(-wi);
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; j + Vector<double>.Count <= row.Length; j += Vector<double>.Count)
            {
                Vector<double> value = Vector.LoadUnsafe(ref r, (nuint)j);
                value = Vector.FusedMultiplyAdd(vu, Vector.LoadUnsafe(ref ws, (nuint)j), value);
                value = Vector.FusedMultiplyAdd(vw, Vector.LoadUnsafe(ref us, (nuint)j), value);
                value.StoreUnsafe(ref r, (nuint)j);
            }
        }

        for (; j < row.Length; j++)
        {
            double value = Math.FusedMultiplyAdd(-ui, Unsafe.Add(ref ws, j), Unsafe.Add(ref r, j));
            Unsafe.Add(ref r, j) = Math.FusedMultiplyAdd(-wi, Unsafe.Add(ref us, j), value);
        }
    }

    /// <summary>
    /// <see cref="UpdateRow"/> and <see cref="SymmetricRowProduct"/> in one pass, so the row is loaded and stored once:
    /// row[j] −= uᵢ w[j] + wᵢ u[j]; then p[i] += Σⱼ row[j] v[j] and p[j] += row[j] vᵢ (j &gt; i).
    /// </summary>
    private static void UpdateRowAndProduct(Span<double> row, ReadOnlySpan<double> u, ReadOnlySpan<double> w, ReadOnlySpan<double> v, Span<double> p)
    {
        ref double r = ref MemoryMarshal.GetReference(row);
        ref double us = ref MemoryMarshal.GetReference(u);
        ref double ws = ref MemoryMarshal.GetReference(w);
        ref double vs = ref MemoryMarshal.GetReference(v);
        ref double ps = ref MemoryMarshal.GetReference(p);
        double ui = us, wi = ws, vi = vs;
        double diagonal = Math.FusedMultiplyAdd(-wi, ui, Math.FusedMultiplyAdd(-ui, wi, r));
        r = diagonal;
        double tail = 0;
        int j = 1, length = row.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> nu = Vector512.Create(-ui), nw = Vector512.Create(-wi), scale = Vector512.Create(vi), sum = Vector512<double>.Zero;
            for (; j + Vector512<double>.Count <= length; j += Vector512<double>.Count)
            {
                Vector512<double> value = Vector512.LoadUnsafe(ref r, (nuint)j);
                value = Vector512.FusedMultiplyAdd(nu, Vector512.LoadUnsafe(ref ws, (nuint)j), value);
                value = Vector512.FusedMultiplyAdd(nw, Vector512.LoadUnsafe(ref us, (nuint)j), value);
                value.StoreUnsafe(ref r, (nuint)j);
                sum = Vector512.FusedMultiplyAdd(value, Vector512.LoadUnsafe(ref vs, (nuint)j), sum);
                Vector512.FusedMultiplyAdd(value, scale, Vector512.LoadUnsafe(ref ps, (nuint)j)).StoreUnsafe(ref ps, (nuint)j);
            }

            tail = Vector512.Sum(sum);
        }
        else if (Vector.IsHardwareAccelerated)
        {
            Vector<double> nu = new(-ui), nw = new(-wi), scale = new(vi), sum = Vector<double>.Zero;
            for (; j + Vector<double>.Count <= length; j += Vector<double>.Count)
            {
                Vector<double> value = Vector.LoadUnsafe(ref r, (nuint)j);
                value = Vector.FusedMultiplyAdd(nu, Vector.LoadUnsafe(ref ws, (nuint)j), value);
                value = Vector.FusedMultiplyAdd(nw, Vector.LoadUnsafe(ref us, (nuint)j), value);
                value.StoreUnsafe(ref r, (nuint)j);
                sum = Vector.FusedMultiplyAdd(value, Vector.LoadUnsafe(ref vs, (nuint)j), sum);
                Vector.FusedMultiplyAdd(value, scale, Vector.LoadUnsafe(ref ps, (nuint)j)).StoreUnsafe(ref ps, (nuint)j);
            }

            tail = Vector.Sum(sum);
        }

        for (; j < length; j++)
        {
            double value = Math.FusedMultiplyAdd(-ui, Unsafe.Add(ref ws, j), Unsafe.Add(ref r, j));
            value = Math.FusedMultiplyAdd(-wi, Unsafe.Add(ref us, j), value);
            Unsafe.Add(ref r, j) = value;
            tail = Math.FusedMultiplyAdd(value, Unsafe.Add(ref vs, j), tail);
            Unsafe.Add(ref ps, j) = Math.FusedMultiplyAdd(value, vi, Unsafe.Add(ref ps, j));
        }

        ps += (diagonal * vi) + tail;
    }

    /// <summary>
    /// <see cref="UpdateRowAndProduct"/> for rows i … i + 3 together: the four rows share every load of u, w, v and p,
    /// which halves the traffic per matrix element (the rows themselves are loaded and stored once, as before). The
    /// 4 × 4 corner (columns i … i + 3) is done entry by entry; the columns beyond are a SIMD stream.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UpdateFourRowsAndProduct(double[] a, int n, int i, double[] u, double[] w, double[] v, double[] p)
    {
        // The corner: row i + r, column i + c for c ≥ r.
        for (int r = 0; r < 4; r++)
        {
            int row = i + r;
            double ur = u[row], wr = w[row], vr = v[row], sum = 0;
            for (int c = r; c < 4; c++)
            {
                int column = i + c;
                ref double entry = ref a[(row * n) + column];
                double value = Math.FusedMultiplyAdd(-wr, u[column], Math.FusedMultiplyAdd(-ur, w[column], entry));
                entry = value;
                if (c == r)
                {
                    sum = value * vr;
                }
                else
                {
                    sum = Math.FusedMultiplyAdd(value, v[column], sum);
                    p[column] = Math.FusedMultiplyAdd(value, vr, p[column]);
                }
            }

            p[row] += sum;
        }

        int first = i + 4;
        if (first >= n)
        {
            return;
        }

        ref double r0 = ref a[(i * n) + first];
        ref double r1 = ref a[((i + 1) * n) + first];
        ref double r2 = ref a[((i + 2) * n) + first];
        ref double r3 = ref a[((i + 3) * n) + first];
        ref double us = ref u[first];
        ref double ws = ref w[first];
        ref double vs = ref v[first];
        ref double ps = ref p[first];
        double u0 = u[i], u1 = u[i + 1], u2 = u[i + 2], u3 = u[i + 3];
        double w0 = w[i], w1 = w[i + 1], w2 = w[i + 2], w3 = w[i + 3];
        double v0 = v[i], v1 = v[i + 1], v2 = v[i + 2], v3 = v[i + 3];
        int length = n - first, j = 0;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        if (Vector.IsHardwareAccelerated && length >= Vector<double>.Count)
        {
            Vector<double> nu0 = new(-u0), nu1 = new(-u1), nu2 = new(-u2), nu3 = new(-u3);
            Vector<double> nw0 = new(-w0), nw1 = new(-w1), nw2 = new(-w2), nw3 = new(-w3);
            Vector<double> sum0 = Vector<double>.Zero, sum1 = Vector<double>.Zero, sum2 = Vector<double>.Zero, sum3 = Vector<double>.Zero;
            for (; j + Vector<double>.Count <= length; j += Vector<double>.Count)
            {
                Vector<double> uj = Vector.LoadUnsafe(ref us, (nuint)j);
                Vector<double> wj = Vector.LoadUnsafe(ref ws, (nuint)j);
                Vector<double> vj = Vector.LoadUnsafe(ref vs, (nuint)j);
                Vector<double> e0 = Vector.FusedMultiplyAdd(nw0, uj, Vector.FusedMultiplyAdd(nu0, wj, Vector.LoadUnsafe(ref r0, (nuint)j)));
                Vector<double> e1 = Vector.FusedMultiplyAdd(nw1, uj, Vector.FusedMultiplyAdd(nu1, wj, Vector.LoadUnsafe(ref r1, (nuint)j)));
                Vector<double> e2 = Vector.FusedMultiplyAdd(nw2, uj, Vector.FusedMultiplyAdd(nu2, wj, Vector.LoadUnsafe(ref r2, (nuint)j)));
                Vector<double> e3 = Vector.FusedMultiplyAdd(nw3, uj, Vector.FusedMultiplyAdd(nu3, wj, Vector.LoadUnsafe(ref r3, (nuint)j)));
                e0.StoreUnsafe(ref r0, (nuint)j);
                e1.StoreUnsafe(ref r1, (nuint)j);
                e2.StoreUnsafe(ref r2, (nuint)j);
                e3.StoreUnsafe(ref r3, (nuint)j);
                sum0 = Vector.FusedMultiplyAdd(e0, vj, sum0);
                sum1 = Vector.FusedMultiplyAdd(e1, vj, sum1);
                sum2 = Vector.FusedMultiplyAdd(e2, vj, sum2);
                sum3 = Vector.FusedMultiplyAdd(e3, vj, sum3);
                Vector<double> pj = Vector.LoadUnsafe(ref ps, (nuint)j);
                pj = Vector.FusedMultiplyAdd(e0, new Vector<double>(v0), pj);
                pj = Vector.FusedMultiplyAdd(e1, new Vector<double>(v1), pj);
                pj = Vector.FusedMultiplyAdd(e2, new Vector<double>(v2), pj);
                pj = Vector.FusedMultiplyAdd(e3, new Vector<double>(v3), pj);
                pj.StoreUnsafe(ref ps, (nuint)j);
            }

            s0 = Vector.Sum(sum0);
            s1 = Vector.Sum(sum1);
            s2 = Vector.Sum(sum2);
            s3 = Vector.Sum(sum3);
        }

        for (; j < length; j++)
        {
            double uj = Unsafe.Add(ref us, j), wj = Unsafe.Add(ref ws, j), vj = Unsafe.Add(ref vs, j);
            double e0 = Math.FusedMultiplyAdd(-w0, uj, Math.FusedMultiplyAdd(-u0, wj, Unsafe.Add(ref r0, j)));
            double e1 = Math.FusedMultiplyAdd(-w1, uj, Math.FusedMultiplyAdd(-u1, wj, Unsafe.Add(ref r1, j)));
            double e2 = Math.FusedMultiplyAdd(-w2, uj, Math.FusedMultiplyAdd(-u2, wj, Unsafe.Add(ref r2, j)));
            double e3 = Math.FusedMultiplyAdd(-w3, uj, Math.FusedMultiplyAdd(-u3, wj, Unsafe.Add(ref r3, j)));
            Unsafe.Add(ref r0, j) = e0;
            Unsafe.Add(ref r1, j) = e1;
            Unsafe.Add(ref r2, j) = e2;
            Unsafe.Add(ref r3, j) = e3;
            s0 = Math.FusedMultiplyAdd(e0, vj, s0);
            s1 = Math.FusedMultiplyAdd(e1, vj, s1);
            s2 = Math.FusedMultiplyAdd(e2, vj, s2);
            s3 = Math.FusedMultiplyAdd(e3, vj, s3);
            double pj = Math.FusedMultiplyAdd(e0, v0, Unsafe.Add(ref ps, j));
            pj = Math.FusedMultiplyAdd(e1, v1, pj);
            pj = Math.FusedMultiplyAdd(e2, v2, pj);
            Unsafe.Add(ref ps, j) = Math.FusedMultiplyAdd(e3, v3, pj);
        }

        p[i] += s0;
        p[i + 1] += s1;
        p[i + 2] += s2;
        p[i + 3] += s3;
    }

    /// <summary>
    /// One row's share of p = A v with A stored as its upper triangle: p[i] += Σⱼ≥ᵢ A[i, j] v[j] and
    /// p[j] += A[i, j] vᵢ for j &gt; i (row, v and p all start at column i).
    /// </summary>
    private static void SymmetricRowProduct(ReadOnlySpan<double> row, ReadOnlySpan<double> v, double vi, Span<double> p)
    {
        ref double r = ref MemoryMarshal.GetReference(row);
        ref double vs = ref MemoryMarshal.GetReference(v);
        ref double ps = ref MemoryMarshal.GetReference(p);
        double own = r * vi;
        var scale = new Vector<double>(vi);
        var sum = Vector<double>.Zero;
        int j = 1;
        if (Vector.IsHardwareAccelerated)
        {
            for (; j + Vector<double>.Count <= row.Length; j += Vector<double>.Count)
            {
                Vector<double> value = Vector.LoadUnsafe(ref r, (nuint)j);
                sum = Vector.FusedMultiplyAdd(value, Vector.LoadUnsafe(ref vs, (nuint)j), sum);
                Vector.FusedMultiplyAdd(value, scale, Vector.LoadUnsafe(ref ps, (nuint)j)).StoreUnsafe(ref ps, (nuint)j);
            }
        }

        double tail = Vector.Sum(sum);
        for (; j < row.Length; j++)
        {
            double value = Unsafe.Add(ref r, j);
            tail = Math.FusedMultiplyAdd(value, Unsafe.Add(ref vs, j), tail);
            Unsafe.Add(ref ps, j) = Math.FusedMultiplyAdd(value, vi, Unsafe.Add(ref ps, j));
        }

        ps += own + tail;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => System.Numerics.Tensors.TensorPrimitives.Dot(x, y);

    /// <summary>
    /// Eigenvalues of the symmetric tridiagonal matrix (diagonal a, off-diagonal b) by implicit QR steps with the
    /// Wilkinson shift, deflating off-diagonals below max(ε(|aᵢ| + |aᵢ₊₁|), ε‖T‖). Overwrites a with the eigenvalues.
    /// </summary>
    private static void TridiagonalQr(double[] a, double[] b)
    {
        int n = a.Length;
        int high = n - 1, iterations = 0, limit = 50 * Math.Max(n, 1);

        // An off-diagonal below ε‖T‖ is also negligible: without this floor, a cluster of zero eigenvalues (diagonal
        // entries → 0) would wait for its off-diagonals to underflow. Deflating there changes eigenvalues by at most
        // ε‖T‖, the same order as the reduction's own backward error.
        double norm = 0;
        for (int i = 0; i < n; i++)
        {
            norm = Math.Max(norm, Math.Abs(a[i]) + (i > 0 ? Math.Abs(b[i - 1]) : 0) + (i < n - 1 ? Math.Abs(b[i]) : 0));
        }

        double floor = 1.1102230246251565E-16 * norm;
        while (high > 0)
        {
            if (Negligible(a, b, high - 1, floor))
            {
                b[high - 1] = 0;
                high--;
                continue;
            }

            int low = high - 1;
            while (low > 0 && !Negligible(a, b, low - 1, floor))
            {
                low--;
            }

            if (low > 0)
            {
                b[low - 1] = 0;
            }

            if (++iterations > limit)
            {
                throw new InvalidOperationException("The symmetric tridiagonal QR iteration did not converge.");
            }

            QrStep(a, b, low, high);
        }
    }

    private static bool Negligible(double[] a, double[] b, int i, double floor) =>
        Math.Abs(b[i]) <= Math.Max(1.1102230246251565E-16 * (Math.Abs(a[i]) + Math.Abs(a[i + 1])), floor);

    /// <summary>
    /// One implicit QR step on the unreduced block [low, high]: rotations G in planes (k, k + 1), T ← G T Gᵀ, the first
    /// chosen from the shifted first column, each later one chasing the bulge T[k + 1, k − 1] down the band.
    /// </summary>
    private static void QrStep(double[] a, double[] b, int low, int high)
    {
        // Wilkinson shift: the eigenvalue of the trailing 2 × 2 block nearer its last diagonal entry.
        double delta = 0.5 * (a[high - 1] - a[high]);
        double bb = b[high - 1] * b[high - 1];
        double mu = a[high] - (bb / (delta + Math.CopySign(Math.Sqrt((delta * delta) + bb), delta)));

        double x = a[low] - mu, z = b[low], bulge = 0;
        for (int k = low; k < high; k++)
        {
            if (k > low)
            {
                x = b[k - 1];
                z = bulge;
            }

            double r = double.Hypot(x, z);
            double c = r == 0 ? 1 : x / r, s = r == 0 ? 0 : z / r;
            if (k > low)
            {
                b[k - 1] = r;
            }

            double ak = a[k], ak1 = a[k + 1], bk = b[k];
            double cc = c * c, ss = s * s, cs = c * s;
            a[k] = (cc * ak) + (2 * cs * bk) + (ss * ak1);
            a[k + 1] = (ss * ak) - (2 * cs * bk) + (cc * ak1);
            b[k] = (cs * (ak1 - ak)) + ((cc - ss) * bk);
            if (k + 1 < high)
            {
                bulge = s * b[k + 1];
                b[k + 1] = c * b[k + 1];
            }
        }
    }
}
