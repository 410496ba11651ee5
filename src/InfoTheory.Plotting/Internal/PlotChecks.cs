using System.Globalization;

namespace InfoTheory.Plotting.Internal;

/// <summary>Argument checks shared by the figures: every one runs before anything is drawn.</summary>
internal static class PlotChecks
{
    public static void NotEmpty<T>(IReadOnlyList<T>? items, string paramName)
    {
        ArgumentNullException.ThrowIfNull(items, paramName);
        if (items.Count == 0)
        {
            throw new ArgumentException($"{paramName} is empty; the figure needs at least one point.", paramName);
        }
    }

    public static void Finite(double value, string paramName, int index, string what)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{paramName}[{index}] has {what} = {value}; the figure needs finite values."), paramName);
        }
    }

    public static void Size(int width, int height)
    {
        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "width must be at least 1 pixel.");
        }

        if (height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "height must be at least 1 pixel.");
        }
    }

    public static string UnitName(LogBase unit) => unit switch
    {
        LogBase.E => "nats",
        LogBase.Two => "bits",
        LogBase.Ten => "hartleys",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unit must be LogBase.E, LogBase.Two or LogBase.Ten."),
    };
}
