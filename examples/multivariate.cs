// Synergy and redundancy among three binary variables: O-information, total and dual total correlation, and the
// partial information decomposition of XOR and AND. Run: dotnet run examples/multivariate.cs
#:project ../src/InfoTheory/InfoTheory.csproj

using InfoTheory.Multivariate;

// Each distribution is uniform over the listed outcomes, one character per variable ("011": X = 0, Y = 1, Z = 1).
string[] names = ["X", "Y", "Z"];
var xor = DiscreteDistribution.Uniform(["000", "011", "101", "110"], names);    // Z = X xor Y
var and = DiscreteDistribution.Uniform(["000", "010", "100", "111"], names);    // Z = X and Y
var copy = DiscreteDistribution.Uniform(["000", "111"], names);                 // one fair bit, copied three times

bool ok = true;
const double Tolerance = 1e-9;   // exact measures on exact tables: only rounding separates them from the closed forms

// TC = Σ H(Xᵢ) − H, DTC = H − Σ H(Xᵢ | rest), O = TC − DTC (Rosas et al. 2019): O < 0 means synergy dominates,
// O > 0 redundancy. Closed forms in bits: XOR TC = 1, DTC = 2, O = −1; the copied bit TC = 2, DTC = 1, O = +1.
Console.WriteLine("            H     TC    DTC      O   (bits)");
foreach ((string name, DiscreteDistribution d, double tc, double dtc) in new[] { ("XOR", xor, 1.0, 2.0), ("copy", copy, 2.0, 1.0) })
{
    MultivariateProfile profile = MultivariateInformation.Profile(d);
    Console.WriteLine($"{name,-6} {profile.Entropy.Bits,6:F3} {profile.TotalCorrelation.Bits,6:F3} " +
        $"{profile.DualTotalCorrelation.Bits,6:F3} {profile.OInformation.Bits,6:F3}");
    ok &= Check(profile.TotalCorrelation.Bits, tc, $"{name} TC") & Check(profile.DualTotalCorrelation.Bits, dtc, $"{name} DTC");
    ok &= Check(MultivariateInformation.OInformation(d).Bits, tc - dtc, $"{name} O-information");
}

// PID of what X and Y say about Z (Williams & Beer 2010) under two redundancy measures: MMI (the smaller of the
// two MIs) and BROJA (Bertschinger et al. 2014). Known answers, the same for both measures on these two gates:
// XOR is one bit of pure synergy; AND has redundancy H_b(1/4) − 1/2 = 0.311 bits, no unique parts, synergy 1/2.
double hb = -(0.25 * Math.Log2(0.25)) - (0.75 * Math.Log2(0.75));
Console.WriteLine("gate  measure   I(XY;Z)  redundant  unique X  unique Y  synergy   (bits)");
foreach ((string gate, DiscreteDistribution d, double r, double s) in new[] { ("XOR", xor, 0.0, 1.0), ("AND", and, hb - 0.5, 0.5) })
{
    foreach (RedundancyMeasure measure in new RedundancyMeasure[] { new MinimumMutualInformationRedundancy(), new BrojaRedundancy() })
    {
        PartialInformationDecomposition pid = PartialInformation.Decompose(d, [0, 1], 2, measure);
        Console.WriteLine($"{gate,-5} {pid.Measure,-8} {pid.MutualInformation.Bits,8:F6} {pid.Redundancy.Bits,10:F6} " +
            $"{pid.Unique(0).Bits,9:F6} {pid.Unique(1).Bits,9:F6} {pid.Synergy.Bits,8:F6}");
        // BROJA is solved numerically; its certified duality gap (default 1e-12 nats) is far inside the tolerance.
        ok &= Check(pid.Redundancy.Bits, r, $"{gate} {pid.Measure} redundancy") & Check(pid.Synergy.Bits, s, $"{gate} {pid.Measure} synergy")
            & Check(pid.Unique(0).Bits, 0, $"{gate} {pid.Measure} unique X") & Check(pid.Unique(1).Bits, 0, $"{gate} {pid.Measure} unique Y");
    }
}

return ok ? 0 : 1;

static bool Check(double value, double expected, string what)
{
    bool good = Math.Abs(value - expected) <= Tolerance;
    if (!good)
    {
        Console.Error.WriteLine($"FAILED: {what} = {value:R}, expected {expected:R} (tolerance {Tolerance})");
    }

    return good;
}
