namespace InfoTheory;

/// <summary>
/// The base of the logarithm, and so the unit, in which a span-writing primitive reports its
/// results. Scalar results are <see cref="Information"/> values and carry their unit with them.
/// </summary>
public enum LogBase
{
    /// <summary>Natural logarithm: results in nats.</summary>
    E = 0,

    /// <summary>Base-2 logarithm: results in bits (shannons).</summary>
    Two = 1,

    /// <summary>Base-10 logarithm: results in hartleys (bans, dits).</summary>
    Ten = 2,
}
