using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Continuous.Neighbors;

/// <summary>
/// The k best candidates of one neighbour query, kept sorted by (distance, index) in two parallel spans. Candidates
/// may arrive in any order: the list holds exactly the k smallest (distance, index) pairs offered so far.
/// </summary>
internal static class NeighborList
{
    /// <summary>
    /// Offers point <paramref name="index"/> at <paramref name="distance"/> to the list whose first
    /// <paramref name="filled"/> entries are in use (capacity <c>distances.Length</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Offer(Span<double> distances, Span<int> indices, ref int filled, double distance, int index)
    {
        int k = distances.Length;
        ref double distance0 = ref MemoryMarshal.GetReference(distances);
        ref int index0 = ref MemoryMarshal.GetReference(indices);
        int at;
        if (filled < k)
        {
            at = filled++;
        }
        else
        {
            double worst = Unsafe.Add(ref distance0, k - 1);
            if (distance > worst || (distance == worst && index > Unsafe.Add(ref index0, k - 1)))
            {
                return;
            }

            at = k - 1;
        }

        // Indices are distinct, so (distance, index) pairs never compare equal.
        while (at > 0)
        {
            double before = Unsafe.Add(ref distance0, at - 1);
            if (before < distance || (before == distance && Unsafe.Add(ref index0, at - 1) < index))
            {
                break;
            }

            Unsafe.Add(ref distance0, at) = before;
            Unsafe.Add(ref index0, at) = Unsafe.Add(ref index0, at - 1);
            at--;
        }

        Unsafe.Add(ref distance0, at) = distance;
        Unsafe.Add(ref index0, at) = index;
    }
}
