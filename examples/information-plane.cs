// The information plane (Shwartz-Ziv & Tishby 2017) of a small tanh network trained by SGD, written by hand here:
// each layer's activations binned at chosen epochs, I(X;T) and I(T;Y) recorded and drawn as a PNG figure.
// Run: dotnet run examples/information-plane.cs
#:project ../src/InfoTheory/InfoTheory.csproj
#:project ../src/InfoTheory.Plotting/InfoTheory.Plotting.csproj

using System.Buffers.Binary;
using InfoTheory.Bottleneck;
using InfoTheory.Discrete;
using InfoTheory.Plotting;

bool ok = true;

// The task: all 256 inputs of 8 bits (±1), labelled by the sign of x₀ + x₁ + x₂ − x₃ + ½ x₄x₅ (never 0; balanced by
// the symmetry x₀…x₃ → −x₀…−x₃, so H(Y) = 1 bit). X is the input's index: H(X) = 8 bits.
const int Inputs = 8, Samples = 1 << Inputs;
float[] x = new float[Samples * Inputs];
int[] labels = new int[Samples];
int[] inputSymbols = Enumerable.Range(0, Samples).ToArray();
for (int s = 0; s < Samples; s++)
{
    for (int i = 0; i < Inputs; i++)
    {
        x[(s * Inputs) + i] = ((s >> i) & 1) == 1 ? 1f : -1f;
    }

    float[] b = x[(s * Inputs)..((s + 1) * Inputs)];
    labels[s] = b[0] + b[1] + b[2] - b[3] + (0.5f * b[4] * b[5]) > 0 ? 1 : 0;
}

// 8 → 6 → 4 (tanh) → 1 (sigmoid), cross-entropy loss, plain SGD one sample at a time, weights uniform in ±√(3/fan-in).
var random = new Random(4);
int[] sizes = [Inputs, 6, 4, 1];
float[][] weights = new float[3][];
float[][] biases = new float[3][];
for (int l = 0; l < 3; l++)
{
    float scale = MathF.Sqrt(3f / sizes[l]);
    weights[l] = Enumerable.Range(0, sizes[l] * sizes[l + 1]).Select(_ => scale * ((2 * random.NextSingle()) - 1)).ToArray();
    biases[l] = new float[sizes[l + 1]];
}

string[] layerNames = ["hidden 1 (6 tanh)", "hidden 2 (4 tanh)", "output (sigmoid)"];
int[] recordAt = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256];
const float LearningRate = 0.05f;
const int Bins = 30; // equal-width bins over each layer's observed range, as in Shwartz-Ziv & Tishby (they used 30)
var plane = new InformationPlane(new PlugInMutualInformation());
int[] order = inputSymbols.ToArray();
for (int epoch = 0; epoch <= recordAt[^1]; epoch++)
{
    if (epoch > 0)
    {
        random.Shuffle(order);
        foreach (int s in order)
        {
            Step(x.AsSpan(s * Inputs, Inputs), labels[s]);
        }
    }

    if (recordAt.Contains(epoch))
    {
        float[][] activations = Activations();
        for (int l = 0; l < 3; l++)
        {
            int[] t = ActivationBinning.EqualWidth(activations[l], sizes[l + 1], Bins);
            plane.Record(layerNames[l], epoch, inputSymbols, t, labels);
        }
    }
}

float[] output = Activations()[2];
double accuracy = Enumerable.Range(0, Samples).Count(s => (output[s] > 0.5f ? 1 : 0) == labels[s]) / (double)Samples;
Console.WriteLine($"trained {recordAt[^1]} epochs: training accuracy {accuracy:P1}");
Console.WriteLine("layer                epoch   I(X;T)   I(T;Y)  (bits)");
foreach (InformationPlanePoint p in plane.Points.Where(p => p.Epoch is 0 or 8 or 64 or 256))
{
    Console.WriteLine($"{p.Layer,-19} {p.Epoch,6} {p.InputInformation.Bits,8:F3} {p.LabelInformation.Bits,8:F3}");
}

// Bounds that hold for any estimate from the data: T is a function of X, so I(X;T) = H(T) ≤ H(X) = 8 bits, and
// I(T;Y) ≤ min(I(X;T), H(Y) = 1 bit) (data processing; plug-in estimates on the same samples obey it exactly).
foreach (InformationPlanePoint p in plane.Points)
{
    ok &= Check(p.InputInformation.Bits <= Inputs + 1e-9, $"I(X;T) of {p.Layer} at epoch {p.Epoch} exceeds H(X)");
    ok &= Check(p.LabelInformation.Bits <= Math.Min(p.InputInformation.Bits, 1) + 1e-9, $"I(T;Y) of {p.Layer} at epoch {p.Epoch} exceeds its bounds");
}

// Training works and the output learns the label: the task is learnable by this network (accuracy ≥ 95 %), so the
// output's I(T;Y) must rise from its untrained value to near H(Y) = 1 bit.
InformationPlanePoint first = plane.Points.First(p => p.Layer == layerNames[2]);
InformationPlanePoint last = plane.Points.Last(p => p.Layer == layerNames[2]);
ok &= Check(accuracy >= 0.95, $"training accuracy {accuracy:P1} is below 95 %");
ok &= Check(last.LabelInformation.Bits >= 0.8 && last.LabelInformation.Bits >= first.LabelInformation.Bits + 0.2,
    $"the output's I(T;Y) went from {first.LabelInformation.Bits:F3} to {last.LabelInformation.Bits:F3} bits: it should rise to ≥ 0.8");

using ScottPlot.Plot figure = Figures.InformationPlane(plane);
figure.Title($"Information plane, 8-6-4-1 tanh network, {Bins} bins");
string path = Path.Combine(Directory.CreateTempSubdirectory("infotheory-plane-").FullName, "information-plane.png");
Figures.Save(figure, path, 800, 600);
byte[] png = File.ReadAllBytes(path);
bool isPng = png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })
    && BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)) == 800 && BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)) == 600;
ok &= Check(isPng, $"{path} is not an 800×600 PNG");
Console.WriteLine($"figure written to {path}");
return ok ? 0 : 1;

// Every layer's activations [samples × units] for all inputs.
float[][] Activations()
{
    float[][] result = [new float[Samples * 6], new float[Samples * 4], new float[Samples]];
    for (int s = 0; s < Samples; s++)
    {
        float[][] a = Forward(x.AsSpan(s * Inputs, Inputs));
        for (int l = 0; l < 3; l++)
        {
            a[l + 1].CopyTo(result[l], s * sizes[l + 1]);
        }
    }

    return result;
}

// The activations of every layer for one input: a[0] is the input, a[3] the output probability.
float[][] Forward(ReadOnlySpan<float> input)
{
    float[][] a = new float[4][];
    a[0] = input.ToArray();
    for (int l = 0; l < 3; l++)
    {
        a[l + 1] = new float[sizes[l + 1]];
        for (int j = 0; j < sizes[l + 1]; j++)
        {
            float z = biases[l][j];
            for (int i = 0; i < sizes[l]; i++)
            {
                z += weights[l][(j * sizes[l]) + i] * a[l][i];
            }

            a[l + 1][j] = l < 2 ? MathF.Tanh(z) : 1 / (1 + MathF.Exp(-z));
        }
    }

    return a;
}

// One SGD step on the cross-entropy loss: for a sigmoid output the error at the output's pre-activation is (p − y);
// tanh layers pass δ back multiplied by 1 − a².
void Step(ReadOnlySpan<float> input, int label)
{
    float[][] a = Forward(input);
    float[] delta = [a[3][0] - label];
    for (int l = 2; l >= 0; l--)
    {
        float[] previous = new float[sizes[l]];
        for (int j = 0; j < sizes[l + 1]; j++)
        {
            for (int i = 0; i < sizes[l]; i++)
            {
                previous[i] += weights[l][(j * sizes[l]) + i] * delta[j];
                weights[l][(j * sizes[l]) + i] -= LearningRate * delta[j] * a[l][i];
            }

            biases[l][j] -= LearningRate * delta[j];
        }

        for (int i = 0; i < sizes[l]; i++)
        {
            previous[i] *= 1 - (a[l][i] * a[l][i]);
        }

        delta = previous;
    }
}

static bool Check(bool condition, string what)
{
    if (!condition)
    {
        Console.Error.WriteLine($"FAILED: {what}");
    }

    return condition;
}
