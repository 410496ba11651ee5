namespace InfoTheory.TimeSeries.Internal;

/// <summary>
/// One block of columns of an embedded sample: at time t the values x_{t−lag}, x_{t−lag−delay}, …,
/// x_{t−lag−(history−1)·delay}, each a row of <c>width</c> values of the series (oldest last).
/// </summary>
internal readonly record struct LaggedBlock(int Lag, int History, int Delay)
{
    /// <summary>How far back the oldest value lies: the first time index t with a complete block.</summary>
    public int Reach => Lag + ((History - 1) * Delay);
}
