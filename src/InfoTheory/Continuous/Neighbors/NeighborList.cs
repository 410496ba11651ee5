using System.Runtime.CompilerServices;

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
        int at;
        if (filled < k)
        {
            at = filled++;
        }
        else
        {
            double worst = distances[k - 1];
            if (distance > worst || (distance == worst && index > indices[k - 1]))
            {
                return;
            }

            at = k - 1;
        }

        while (at > 0 && (distances[at - 1] > distance || (distances[at - 1] == distance && indices[at - 1] > index)))
        {
            distances[at] = distances[at - 1];
            indices[at] = indices[at - 1];
            at--;
        }

        distances[at] = distance;
        indices[at] = index;
    }
}
