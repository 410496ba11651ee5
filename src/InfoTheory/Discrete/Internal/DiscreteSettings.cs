using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory.Discrete.Internal;

/// <summary>Validation of the discrete estimators' settings, shared so that each setting has one meaning.</summary>
internal static class DiscreteSettings
{
    /// <summary>A declared alphabet size: null (use the observed number of symbols) or at least 1.</summary>
    public static long? AlphabetSize(long? value, string paramName)
    {
        if (value is < 1)
        {
            ThrowHelper.ArgumentOutOfRange(paramName, value, string.Create(CultureInfo.InvariantCulture,
                $"{paramName} must be at least 1 (or null to use the number of symbols observed), got {value}."));
        }

        return value;
    }
}
