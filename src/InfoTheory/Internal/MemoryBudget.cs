using System.Globalization;

namespace InfoTheory.Internal;

/// <summary>
/// Checks, before allocating, that a buffer the caller's input asks for can exist in this process, so that a request
/// too large becomes an <see cref="ArgumentException"/> that names the parameter and the sizes, not an
/// <see cref="OutOfMemoryException"/> part-way through the work.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>The memory this process may use at most (its GC limit, the container's or the machine's memory).</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>
    /// Throws when <paramref name="elements"/> values of <paramref name="bytesPerElement"/> bytes cannot be one array or
    /// exceed what the process may use; <paramref name="what"/> says what the buffer is for and <paramref name="instead"/>
    /// (may be empty) what to do instead.
    /// </summary>
    public static void Require(long elements, int bytesPerElement, string paramName, string what, string instead = "")
    {
        double bytes = (double)elements * bytesPerElement;
        if (elements > Array.MaxLength || bytes > AvailableBytes)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"{what} needs {elements:N0} values ({bytes / (1L << 30):G3} GiB), more than {(elements > Array.MaxLength ? $"one array can hold ({Array.MaxLength:N0} elements)" : $"this process can have ({AvailableBytes / (double)(1L << 30):G3} GiB)")}.{(instead.Length > 0 ? " " + instead : "")}"));
        }
    }
}
