using InfoTheory.Continuous;
using InfoTheory.Discrete;
using InfoTheory.Orleans.Internal;
using InfoTheory.Orleans.Messages;

namespace InfoTheory.Orleans.Tests;

/// <summary>Estimators sent to a silo come back with every setting, or are refused before anything is sent.</summary>
public sealed class EstimatorCodecTests
{
    [Fact]
    public void Describe_ComposedEstimators_RebuildTheSameSettings()
    {
        // Inner estimators given through the constructor (get-only properties) and init settings.
        var discrete = new DiscreteMutualInformation(new MillerMadowEntropy()) { MaxDegreeOfParallelism = 1 };
        var hybrid = new HybridMutualInformation(new KsgMutualInformation { K = 7, Seed = 4 }) { Seed = 9 };
        var ksg = new KsgConditionalMutualInformation { K = 5, Seed = 2 };

        var d = EstimatorCodec.Create<IMutualInformationEstimator<int, int>>(EstimatorCodec.Describe(discrete, "e"));
        Assert.IsType<MillerMadowEntropy>(Assert.IsType<DiscreteMutualInformation>(d).Entropy);
        var h = Assert.IsType<HybridMutualInformation>(EstimatorCodec.Create<IMultivariateMutualInformationEstimator>(EstimatorCodec.Describe(hybrid, "e")));
        Assert.Equal(9, h.Seed);
        Assert.Equal(7, Assert.IsType<KsgMutualInformation>(h.BaseEstimator).K);
        Assert.Equal(4, ((KsgMutualInformation)h.BaseEstimator).Seed);
        var k = Assert.IsType<KsgConditionalMutualInformation>(EstimatorCodec.Create<IMultivariateConditionalMutualInformationEstimator>(EstimatorCodec.Describe(ksg, "e")));
        Assert.Equal((5, 2), (k.K, k.Seed));
    }

    [Fact]
    public void Create_TypeOutsideTheLibrary_IsRefused()
    {
        var description = new EstimatorDescription { TypeName = "System.IO.FileInfo", Json = "{}" };
        Assert.ThrowsAny<Exception>(() => EstimatorCodec.Create<IMultivariateMutualInformationEstimator>(description));
    }
}
