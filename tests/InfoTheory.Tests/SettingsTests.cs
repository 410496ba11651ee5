using System.Reflection;
using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Kernel;

namespace InfoTheory.Tests;

/// <summary>
/// One meaning per setting: every estimator and every method of the library that takes a degree of parallelism, a
/// seed or a neighbour order has the same default and rejects the same values, found by reflection so that a new
/// estimator is checked without being listed here.
/// </summary>
public sealed class SettingsTests
{
    private static readonly Assembly Library = typeof(Information).Assembly;

    /// <summary>Public estimator types with a parameterless constructor (or one whose parameters are optional or an order α).</summary>
    public static TheoryData<Type> TypesWith(string property)
    {
        var data = new TheoryData<Type>();
        foreach (Type type in Library.GetExportedTypes().Where(t => t is { IsAbstract: false, IsClass: true } && t.GetProperty(property) is not null))
        {
            data.Add(type);
        }

        return data;
    }

    public static TheoryData<Type> ParallelTypes => TypesWith("MaxDegreeOfParallelism");

    public static TheoryData<Type> SeededTypes => TypesWith("Seed");

    public static TheoryData<Type> NeighborTypes => TypesWith("K");

    private static object Create(Type type)
    {
        ConstructorInfo ctor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        object?[] arguments = ctor.GetParameters().Select(p =>
            p.HasDefaultValue ? p.DefaultValue
            : p.ParameterType == typeof(double) ? 1.0
            : p.ParameterType.IsAssignableFrom(typeof(KsgMutualInformation)) ? new KsgMutualInformation()
            : throw new InvalidOperationException($"{type.Name}: cannot construct")).ToArray();
        return ctor.Invoke(arguments);
    }

    [Fact]
    public void Sweep_FindsTheEstimatorFamilies()
    {
        // Guards the reflection itself: if it found nothing, the theories below would pass vacuously.
        Assert.Contains(typeof(KsgMutualInformation), ParallelTypes.Select(r => r.Data));
        Assert.Contains(typeof(MatrixRenyiEntropy), ParallelTypes.Select(r => r.Data));
        Assert.Contains(typeof(DiscreteMutualInformation), ParallelTypes.Select(r => r.Data));
        Assert.Contains(typeof(HybridMutualInformation), SeededTypes.Select(r => r.Data));
        Assert.True(ParallelTypes.Count >= 15, $"found {ParallelTypes.Count} types");
    }

    [Theory]
    [MemberData(nameof(ParallelTypes))]
    public void MaxDegreeOfParallelism_DefaultsToAllCores_AndRejectsZeroAndBelowMinusOne(Type type)
    {
        object estimator = Create(type);
        PropertyInfo property = type.GetProperty("MaxDegreeOfParallelism")!;
        Assert.Equal(-1, property.GetValue(estimator));
        foreach (int bad in new[] { 0, -2, int.MinValue })
        {
            var ex = Assert.Throws<TargetInvocationException>(() => property.SetValue(Create(type), bad));
            var inner = Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
            Assert.Equal("MaxDegreeOfParallelism", inner.ParamName);
        }

        property.SetValue(estimator, 1);
        Assert.Equal(1, property.GetValue(estimator));
    }

    [Theory]
    [MemberData(nameof(SeededTypes))]
    public void Seed_DefaultsToZero(Type type) => Assert.Equal(0, type.GetProperty("Seed")!.GetValue(Create(type)));

    [Theory]
    [MemberData(nameof(NeighborTypes))]
    public void K_DefaultsToThree_UnlessDocumentedOtherwise_AndRejectsNonPositiveAndHuge(Type type)
    {
        // The mixed estimator of Gao et al. keeps its authors' k = 5: its fixed-k bias is ≈ 1.5/count (see its remarks).
        int expected = type == typeof(MixedKsgMutualInformation) ? 5 : 3;
        PropertyInfo property = type.GetProperty("K")!;
        Assert.Equal(expected, property.GetValue(Create(type)));
        foreach (int bad in new[] { 0, -1, int.MaxValue })
        {
            var ex = Assert.Throws<TargetInvocationException>(() => property.SetValue(Create(type), bad));
            Assert.Equal("K", Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException).ParamName);
        }
    }

    [Fact]
    public void Methods_WithAParallelismOrSeedParameter_ShareTheDefaults()
    {
        var methods = Library.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetParameters().Select(p => (Method: m, Parameter: p)))
            .Where(x => x.Parameter.HasDefaultValue && x.Parameter.Name is "maxDegreeOfParallelism" or "seed")
            .ToList();
        Assert.NotEmpty(methods);
        foreach ((MethodInfo method, ParameterInfo parameter) in methods)
        {
            int expected = parameter.Name == "seed" ? 0 : -1;
            Assert.True(expected.Equals(parameter.DefaultValue), $"{method.DeclaringType!.Name}.{method.Name}: {parameter.Name} defaults to {parameter.DefaultValue}");
        }
    }

    [Fact]
    public void MixedKsg_Jitter_IsRejected_NamingTies()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MixedKsgMutualInformation { Ties = TieHandling.Jitter });
        Assert.Equal("Ties", ex.ParamName);
        Assert.Equal(TieHandling.None, new MixedKsgMutualInformation().Ties);
    }

    [Fact]
    public void KernelEstimator_NullKernel_NamesKernel()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new MatrixRenyiEntropy(2) { Kernel = null! });
        Assert.Equal("Kernel", ex.ParamName);
        Assert.Throws<ArgumentException>(() => new QuadraticRenyiEntropy { Kernel = KernelFunction.Linear });
    }

    [Fact]
    public void Parallelism_DoesNotChangeTheBits()
    {
        // The reason −1 can be the default everywhere: one thread and all threads give the same bits.
        double[] x = Continuous.KnnTestData.Normals(3000, 1), noise = Continuous.KnnTestData.Normals(3000, 2);
        double[] y = x.Select((v, i) => v + noise[i]).ToArray();
        int[] a = x.Select(v => (int)Math.Floor(v * 4) + 20).ToArray(), b = y.Select(v => (int)Math.Floor(v * 4) + 20).ToArray();
        Assert.Equal(new KsgMutualInformation { MaxDegreeOfParallelism = 1 }.Estimate(x, y).Nats, new KsgMutualInformation().Estimate(x, y).Nats);
        Assert.Equal(new DiscreteMutualInformation { MaxDegreeOfParallelism = 1 }.Estimate(a, b).Nats, new DiscreteMutualInformation().Estimate(a, b).Nats);
        SampleMatrix m = SampleMatrix.FromRowMajor(x.AsSpan(0, 500), 1);
        Assert.Equal(new MatrixRenyiEntropy(1) { MaxDegreeOfParallelism = 1 }.Estimate(m).Nats, new MatrixRenyiEntropy(1).Estimate(m).Nats);
    }
}
