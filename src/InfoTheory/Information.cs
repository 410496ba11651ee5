using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using InfoTheory.Internal;

namespace InfoTheory;

/// <summary>
/// An amount of information (entropy, mutual information, divergence) with its unit attached.
/// Stored in nats; read it as <see cref="Nats"/>, <see cref="Bits"/>, <see cref="Hartleys"/> or
/// <see cref="In(LogBase)"/>. One bit is ln 2 ≈ 0.693 nats; one hartley is ln 10 ≈ 2.303 nats.
/// </summary>
/// <remarks>
/// Every scalar result of the library is an <see cref="Information"/> so that no caller has to
/// guess whether a number is in bits or nats. Values may be negative (bias-corrected and k-NN
/// estimates can be) or +∞ (a Kullback-Leibler divergence where q = 0 &lt; p); NaN propagates.
/// Equality and ordering compare the stored nats exactly, as <see cref="double"/> does
/// (NaN ≠ NaN for the operators; <see cref="Equals(Information)"/> treats NaN as equal to NaN).
/// </remarks>
public readonly struct Information : IEquatable<Information>, IComparable<Information>, IComparable, IFormattable
{
    /// <summary>ln 2: nats in one bit.</summary>
    public const double NatsPerBit = 0.69314718055994530942;

    /// <summary>ln 10: nats in one hartley.</summary>
    public const double NatsPerHartley = 2.30258509299404568402;

    private readonly double _nats;

    private Information(double nats) => _nats = nats;

    /// <summary>No information.</summary>
    public static Information Zero => default;

    /// <summary>An infinite amount, as a KL divergence with q = 0 where p &gt; 0.</summary>
    public static Information PositiveInfinity => new(double.PositiveInfinity);

    /// <summary>The amount in nats (natural-log units).</summary>
    public double Nats => _nats;

    /// <summary>The amount in bits (base-2 units, shannons).</summary>
    public double Bits => _nats / NatsPerBit;

    /// <summary>The amount in hartleys (base-10 units, bans).</summary>
    public double Hartleys => _nats / NatsPerHartley;

    /// <summary>Whether the amount is finite (not ±∞ and not NaN).</summary>
    public bool IsFinite => double.IsFinite(_nats);

    /// <summary>Whether the amount is NaN (the result of invalid arithmetic on the inputs of a primitive).</summary>
    public bool IsNaN => double.IsNaN(_nats);

    /// <summary>An amount given in nats.</summary>
    /// <param name="nats">The amount in natural-log units.</param>
    public static Information FromNats(double nats) => new(nats);

    /// <summary>An amount given in bits.</summary>
    /// <param name="bits">The amount in base-2 units.</param>
    public static Information FromBits(double bits) => new(bits * NatsPerBit);

    /// <summary>An amount given in hartleys.</summary>
    /// <param name="hartleys">The amount in base-10 units.</param>
    public static Information FromHartleys(double hartleys) => new(hartleys * NatsPerHartley);

    /// <summary>An amount given in the unit of <paramref name="unit"/>.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="unit">The base of the logarithm the amount was measured with.</param>
    public static Information From(double value, LogBase unit) => new(value * NatsPer(unit));

    /// <summary>An amount given in units of an arbitrary logarithm base b &gt; 0, b ≠ 1 (value · ln b nats).</summary>
    /// <param name="value">The amount.</param>
    /// <param name="logarithmBase">The base b of the logarithm the amount was measured with.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logarithmBase"/> is not finite, ≤ 0 or 1.</exception>
    public static Information FromBase(double value, double logarithmBase) => new(value * NatsPer(logarithmBase));

    /// <summary>The amount in the unit of <paramref name="unit"/>.</summary>
    /// <param name="unit">The base of the logarithm to express the amount in.</param>
    public double In(LogBase unit) => _nats / NatsPer(unit);

    /// <summary>The amount in units of an arbitrary logarithm base b &gt; 0, b ≠ 1 (nats / ln b).</summary>
    /// <param name="logarithmBase">The base b.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="logarithmBase"/> is not finite, ≤ 0 or 1.</exception>
    public double InBase(double logarithmBase) => _nats / NatsPer(logarithmBase);

    /// <summary>ln b for the unit: 1 for nats, ln 2 for bits, ln 10 for hartleys.</summary>
    /// <param name="unit">The unit.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined <see cref="LogBase"/>.</exception>
    public static double NatsPer(LogBase unit) => NatsPer(unit, nameof(unit));

    /// <summary>As <see cref="NatsPer(LogBase)"/>, naming the caller's own parameter (e.g. <c>logBase</c>) when the value is not a defined <see cref="LogBase"/>.</summary>
    internal static double NatsPer(LogBase unit, string paramName) => unit switch
    {
        LogBase.E => 1.0,
        LogBase.Two => NatsPerBit,
        LogBase.Ten => NatsPerHartley,
        _ => throw new ArgumentOutOfRangeException(paramName, unit,
            string.Create(CultureInfo.InvariantCulture, $"{paramName} must be LogBase.E, LogBase.Two or LogBase.Ten, got {(int)unit}.")),
    };

    private static double NatsPer(double logarithmBase)
    {
        if (!double.IsFinite(logarithmBase) || logarithmBase <= 0 || logarithmBase == 1)
        {
            ThrowHelper.ArgumentOutOfRange(nameof(logarithmBase), logarithmBase,
                string.Create(CultureInfo.InvariantCulture, $"The logarithm base must be finite, > 0 and ≠ 1, got {logarithmBase}."));
        }

        return Math.Log(logarithmBase);
    }

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static Information operator +(Information left, Information right) => new(left._nats + right._nats);

    /// <summary>Subtracts two amounts.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    public static Information operator -(Information left, Information right) => new(left._nats - right._nats);

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    public static Information operator -(Information value) => new(-value._nats);

    /// <summary>Scales an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="factor">The dimensionless factor.</param>
    public static Information operator *(Information value, double factor) => new(value._nats * factor);

    /// <summary>Scales an amount.</summary>
    /// <param name="factor">The dimensionless factor.</param>
    /// <param name="value">The amount.</param>
    public static Information operator *(double factor, Information value) => new(value._nats * factor);

    /// <summary>Divides an amount by a dimensionless number.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="divisor">The dimensionless divisor.</param>
    public static Information operator /(Information value, double divisor) => new(value._nats / divisor);

    /// <summary>The dimensionless ratio of two amounts (the unit cancels).</summary>
    /// <param name="left">The numerator.</param>
    /// <param name="right">The denominator.</param>
    public static double operator /(Information left, Information right) => left._nats / right._nats;

    /// <summary>Exact equality of the stored nats (NaN is unequal to everything).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator ==(Information left, Information right) => left._nats == right._nats;

    /// <summary>Exact inequality of the stored nats.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator !=(Information left, Information right) => left._nats != right._nats;

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator <(Information left, Information right) => left._nats < right._nats;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator >(Information left, Information right) => left._nats > right._nats;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator <=(Information left, Information right) => left._nats <= right._nats;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static bool operator >=(Information left, Information right) => left._nats >= right._nats;

    /// <summary>Adds two amounts.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static Information Add(Information left, Information right) => left + right;

    /// <summary>Subtracts two amounts.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    public static Information Subtract(Information left, Information right) => left - right;

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    public static Information Negate(Information value) => -value;

    /// <summary>Scales an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="factor">The dimensionless factor.</param>
    public static Information Multiply(Information value, double factor) => value * factor;

    /// <summary>Divides an amount by a dimensionless number.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="divisor">The dimensionless divisor.</param>
    public static Information Divide(Information value, double divisor) => value / divisor;

    /// <summary>The larger of two amounts (NaN if either is NaN).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static Information Max(Information left, Information right) => new(Math.Max(left._nats, right._nats));

    /// <summary>The smaller of two amounts (NaN if either is NaN).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    public static Information Min(Information left, Information right) => new(Math.Min(left._nats, right._nats));

    /// <summary>Whether the two amounts differ by at most <paramref name="toleranceNats"/> nats.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <param name="toleranceNats">The largest absolute difference, in nats, that still counts as equal.</param>
    /// <returns>True when the amounts are equal (including equal infinities) or differ by at most the tolerance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toleranceNats"/> is negative or NaN (a tolerance that no difference can meet).</exception>
    public bool IsCloseTo(Information other, double toleranceNats)
    {
        if (!(toleranceNats >= 0))
        {
            ThrowHelper.ArgumentOutOfRange(nameof(toleranceNats), toleranceNats,
                string.Create(CultureInfo.InvariantCulture, $"toleranceNats must be ≥ 0 (+∞ accepts any finite difference), got {toleranceNats}."));
        }

        return _nats == other._nats || Math.Abs(_nats - other._nats) <= toleranceNats;
    }

    /// <inheritdoc />
    public bool Equals(Information other) => _nats.Equals(other._nats);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Information other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _nats.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Information other) => _nats.CompareTo(other._nats);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Information other => CompareTo(other),
        _ => throw new ArgumentException("The object to compare with is not an Information.", nameof(obj)),
    };

    /// <summary>Formats as bits with three decimals, e.g. <c>"1.000 bits"</c>.</summary>
    public override string ToString() => ToString(null, CultureInfo.CurrentCulture);

    /// <summary>Formats the amount with its unit in the current culture; see <see cref="ToString(string?, IFormatProvider?)"/> for the formats.</summary>
    /// <param name="format">The unit letter and decimals, e.g. <c>"n6"</c>; null or empty means <c>"b3"</c>.</param>
    /// <returns>The formatted amount, e.g. <c>"0.693147 nats"</c>.</returns>
    /// <exception cref="FormatException">The format is not one of the documented ones.</exception>
    public string ToString(string? format) => ToString(format, CultureInfo.CurrentCulture);

    /// <summary>
    /// Formats the amount with its unit. The format is a unit letter followed by an optional
    /// number of decimals: <c>"b"</c> bits, <c>"n"</c> nats, <c>"h"</c> hartleys
    /// (e.g. <c>"n6"</c> → <c>"0.693147 nats"</c>); null or empty means <c>"b3"</c>.
    /// </summary>
    /// <param name="format">The unit letter and decimals.</param>
    /// <param name="formatProvider">The culture for the number.</param>
    /// <exception cref="FormatException">The format is not one of the documented ones.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (string.IsNullOrEmpty(format))
        {
            format = "b3";
        }

        (double value, string unit) = char.ToLowerInvariant(format[0]) switch
        {
            'b' => (Bits, "bits"),
            'n' => (Nats, "nats"),
            'h' => (Hartleys, "hartleys"),
            _ => throw new FormatException($"Unknown Information format '{format}': use b, n or h followed by the number of decimals."),
        };

        int decimals = 3;
        if (format.Length > 1 && (!int.TryParse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out decimals) || decimals > 17))
        {
            throw new FormatException($"Unknown Information format '{format}': the letter must be followed by 0 to 17 decimals.");
        }

        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), formatProvider) + " " + unit;
    }
}
