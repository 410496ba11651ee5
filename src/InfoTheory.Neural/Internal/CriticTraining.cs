using System.Globalization;
using System.Numerics.Tensors;
using InfoTheory.Continuous;
using InfoTheory.Variational;

namespace InfoTheory.Neural.Internal;

/// <summary>The training loop of <see cref="NeuralMutualInformation"/>: split, standardise, train, read held-out bounds.</summary>
internal static class CriticTraining
{
    public static NeuralEstimate Run(NeuralMutualInformation settings, SampleMatrix x, SampleMatrix y, int trainingRows)
    {
        int n = x.Rows;
        int dx = x.Columns;
        int dy = y.Columns;
        var random = new Random(settings.Seed);

        // The split: a seeded shuffle (Fisher-Yates), the first rows train, the rest are held out.
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Shuffle(order, random);
        int[] train = order[..trainingRows];
        int[] test = order[trainingRows..];

        // Standardise with the training rows' statistics only (the held-out rows stay unseen until they are scored).
        float[] trainX = Standardised(x, train, train);
        float[] trainY = Standardised(y, train, train);
        float[] testX = Standardised(x, train, test);
        float[] testY = Standardised(y, train, test);

        int k = Math.Min(settings.BatchSize, train.Length);
        int kTest = Math.Min(settings.BatchSize, test.Length);
        int testBatches = test.Length / kTest;
        int capacity = Math.Max(k, kTest);
        ICritic<float> critic = Create(settings, dx, dy, capacity, random);

        float[] xBatch = new float[dx * capacity];
        float[] yBatch = new float[dy * capacity];
        float[] scores = new float[capacity * capacity];
        float[] gradient = new float[k * k];
        int[] batchOrder = new int[train.Length];
        for (int i = 0; i < batchOrder.Length; i++)
        {
            batchOrder[i] = i;
        }

        int position = batchOrder.Length;
        var state = new TrainingObjective.State();
        var curve = new List<NeuralCheckpoint>();
        NeuralCheckpoint best = default;
        bool haveBest = false;
        int sinceBest = 0;
        int steps = 0;
        bool stoppedEarly = false;
        while (steps < settings.MaxSteps)
        {
            // Batches without replacement within a pass over the training rows; reshuffled at each pass.
            if (position + k > batchOrder.Length)
            {
                Shuffle(batchOrder, random);
                position = 0;
            }

            Gather(trainX, dx, batchOrder.AsSpan(position, k), xBatch);
            Gather(trainY, dy, batchOrder.AsSpan(position, k), yBatch);
            position += k;
            critic.Score(xBatch, yBatch, k, scores);
            ThrowIfDiverged(scores.AsSpan(0, k * k), steps, settings.LearningRate);
            _ = TrainingObjective.Evaluate<float>(settings.Objective, scores.AsSpan(0, k * k), k, gradient, state, settings.MovingAverageRate, withValue: false);
            critic.Step(gradient, k, settings.LearningRate);
            steps++;

            if (steps % settings.EvaluateEvery == 0 || steps == settings.MaxSteps)
            {
                NeuralCheckpoint checkpoint = HeldOut(settings, critic, testX, testY, dx, dy, kTest, testBatches, steps, xBatch, yBatch, scores);
                curve.Add(checkpoint);
                if (!haveBest || checkpoint.Bound > best.Bound)
                {
                    best = checkpoint;
                    haveBest = true;
                    sinceBest = 0;
                }
                else if (settings.Patience is { } patience && ++sinceBest >= patience)
                {
                    stoppedEarly = steps < settings.MaxSteps;
                    break;
                }
            }
        }

        Information ceiling = settings.Objective == CriticObjective.InfoNce ? Information.FromNats(Math.Log(kTest)) : Information.FromNats(double.PositiveInfinity);
        return new NeuralEstimate(best.Bound, best.StandardError, ceiling, steps, best.Step, stoppedEarly,
            train.Length, testBatches * kTest, kTest, curve.AsReadOnly());
    }

    /// <summary>The critic the settings ask for, on the managed backend.</summary>
    internal static ICritic<float> Create(NeuralMutualInformation settings, int dx, int dy, int capacity, Random random) => settings.Critic switch
    {
        CriticArchitecture.Separable => new SeparableCritic<float>(dx, dy, settings.HiddenLayers, settings.EmbeddingDimension, capacity, random),
        _ => new JointCritic<float>(dx, dy, settings.HiddenLayers, capacity, random, settings.MaxDegreeOfParallelism),
    };

    /// <summary>
    /// The held-out bound: each batch of K held-out pairs is scored (all K² pairs) and read by the matching
    /// <see cref="VariationalBounds"/> method; the value is the mean over batches and the standard error that of a mean
    /// of independent estimates, √(Σ SE_b²) / B.
    /// </summary>
    private static NeuralCheckpoint HeldOut(NeuralMutualInformation settings, ICritic<float> critic, float[] testX, float[] testY,
        int dx, int dy, int k, int batches, int step, float[] xBatch, float[] yBatch, float[] scores)
    {
        double sum = 0;
        double variance = 0;
        int[] rows = new int[k];
        for (int b = 0; b < batches; b++)
        {
            for (int i = 0; i < k; i++)
            {
                rows[i] = (b * k) + i;
            }

            Gather(testX, dx, rows, xBatch);
            Gather(testY, dy, rows, yBatch);
            critic.Score(xBatch, yBatch, k, scores);
            ReadOnlySpan<float> s = scores.AsSpan(0, k * k);
            ThrowIfDiverged(s, step, settings.LearningRate);
            VariationalBoundResult result = settings.Objective switch
            {
                CriticObjective.InfoNce => VariationalBounds.InfoNce(s, k),
                CriticObjective.NguyenWainwrightJordan => VariationalBounds.NguyenWainwrightJordan(s, k),
                CriticObjective.Mine => VariationalBounds.DonskerVaradhan(s, k),
                CriticObjective.Smile => VariationalBounds.Smile(s, k, settings.Clip),
                _ => VariationalBounds.JensenShannon(s, k),
            };
            sum += result.Bound.Nats;
            variance += result.StandardError.Nats * result.StandardError.Nats;
        }

        return new NeuralCheckpoint(step, Information.FromNats(sum / batches), Information.FromNats(Math.Sqrt(variance) / batches));
    }

    /// <summary>
    /// Stops with a clear message when the critic's scores are no longer finite (the weights have overflowed), instead
    /// of training on NaN or letting the bound reject the scores.
    /// </summary>
    private static void ThrowIfDiverged(ReadOnlySpan<float> scores, int step, double learningRate)
    {
        if (!float.IsFinite(TensorPrimitives.MaxMagnitude(scores)))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Training diverged after {step} steps: the critic's scores are no longer finite. Use a smaller LearningRate (now {learningRate})."));
        }
    }

    /// <summary>
    /// The chosen rows of a sample matrix as row-major floats, each column standardised with the mean and the sample
    /// standard deviation (n − 1) of the reference rows; a constant column is only centred.
    /// </summary>
    internal static float[] Standardised(SampleMatrix samples, int[] reference, int[] rows)
    {
        int d = samples.Columns;
        ReadOnlySpan<double> data = samples.Data.Span;
        float[] result = new float[rows.Length * d];
        for (int c = 0; c < d; c++)
        {
            double mean = 0;
            foreach (int r in reference)
            {
                mean += data[(r * d) + c];
            }

            mean /= reference.Length;
            double squares = 0;
            foreach (int r in reference)
            {
                double delta = data[(r * d) + c] - mean;
                squares += delta * delta;
            }

            double sd = Math.Sqrt(squares / (reference.Length - 1));
            double scale = sd > 0 ? 1.0 / sd : 1.0;
            for (int i = 0; i < rows.Length; i++)
            {
                result[(i * d) + c] = (float)((data[(rows[i] * d) + c] - mean) * scale);
            }
        }

        return result;
    }

    /// <summary>Copies the chosen rows of a row-major table into a unit-major batch (<c>[d][k]</c>).</summary>
    private static void Gather(float[] table, int d, ReadOnlySpan<int> rows, float[] batch)
    {
        int k = rows.Length;
        for (int i = 0; i < k; i++)
        {
            int from = rows[i] * d;
            for (int c = 0; c < d; c++)
            {
                batch[(c * k) + i] = table[from + c];
            }
        }
    }

    private static void Shuffle(int[] values, Random random)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
