using System.Globalization;
using InfoTheory.Measures;

namespace InfoTheory.Cli;

/// <summary>The built-in worked example: known distributions and their information measures.</summary>
internal static class Examples
{
    private static readonly (string Name, double[] P)[] Distributions =
    [
        ("fair coin", [0.5, 0.5]),
        ("biased coin (0.9)", [0.9, 0.1]),
        ("fair die", [1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0]),
        ("loaded die (six 1/2)", [0.1, 0.1, 0.1, 0.1, 0.1, 0.5]),
        ("uniform over 8", [0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125]),
        ("dyadic (1/2,1/4,1/8,1/8)", [0.5, 0.25, 0.125, 0.125]),
    ];

    public static int Print(TextWriter output)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        output.WriteLine("Entropy of built-in distributions");
        output.WriteLine($"{"distribution",-28}{"H (bits)",12}{"H (nats)",12}{"H2 (bits)",12}{"perplexity",12}");
        foreach ((string name, double[] p) in Distributions)
        {
            Information h = Entropy.Shannon(p);
            Information h2 = Entropy.Renyi(p, 2);
            output.WriteLine(string.Create(c, $"{name,-28}{h.Bits,12:F6}{h.Nats,12:F6}{h2.Bits,12:F6}{Entropy.Perplexity(p),12:F4}"));
        }

        output.WriteLine();
        output.WriteLine("Divergences");
        double[] fairDie = Distributions[2].P, loadedDie = Distributions[3].P;
        double[] fairCoin = Distributions[0].P, biasedCoin = Distributions[1].P;
        Row(output, "KL(loaded die || fair die)", Divergence.KullbackLeibler(loadedDie, fairDie));
        Row(output, "KL(fair die || loaded die)", Divergence.KullbackLeibler(fairDie, loadedDie));
        Row(output, "JS(loaded die, fair die)", Divergence.JensenShannon(loadedDie, fairDie));
        Row(output, "KL(biased coin || fair coin)", Divergence.KullbackLeibler(biasedCoin, fairCoin));
        Row(output, "CS(biased coin, fair coin)", Divergence.CauchySchwarz(biasedCoin, fairCoin));

        output.WriteLine();
        output.WriteLine("Mutual information");
        // Binary symmetric channel with crossover 0.1 and a uniform input: I = 1 − H_b(0.1) bits.
        var bsc = JointDistribution.FromTable(new double[,] { { 0.45, 0.05 }, { 0.05, 0.45 } });
        Row(output, "I(X;Y), BSC(0.1), uniform input", MutualInformation.Of(bsc));
        // Y = X XOR Z with X, Z fair and independent: I(X;Y) = 0 but I(X;Y|Z) = 1 bit.
        var xor = new double[2, 2, 2];
        for (int x = 0; x < 2; x++)
        {
            for (int z = 0; z < 2; z++)
            {
                xor[x, x ^ z, z] = 0.25;
            }
        }

        var xorJoint = JointDistribution.FromTable(xor);
        Row(output, "I(X;Y|Z), Y = X xor Z", MutualInformation.Conditional(xorJoint));
        return 0;
    }

    private static void Row(TextWriter output, string name, Information value) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34}{value.Bits,12:F6} bits{value.Nats,12:F6} nats"));
}
