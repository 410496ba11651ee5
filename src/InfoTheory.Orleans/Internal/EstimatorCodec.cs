using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Orleans.Messages;

namespace InfoTheory.Orleans.Internal;

/// <summary>Estimators of the core package to and from <see cref="EstimatorDescription"/> (their public settings as JSON).</summary>
internal static class EstimatorCodec
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IgnoreReadOnlyProperties = true,
    };

    /// <summary>Describes <paramref name="estimator"/>, checking that the description rebuilds the same settings.</summary>
    public static EstimatorDescription Describe(object estimator, string paramName)
    {
        ArgumentNullException.ThrowIfNull(estimator, paramName);
        Type type = estimator.GetType();
        if (type.Assembly != typeof(SampleMatrix).Assembly)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"Only the estimators of the InfoTheory package can be sent to a cluster; {type.FullName} is not one of them."));
        }

        string json;
        try
        {
            json = JsonSerializer.Serialize(estimator, type, s_options);
            object again = JsonSerializer.Deserialize(json, type, s_options)!;
            if (json != JsonSerializer.Serialize(again, type, s_options))
            {
                json = string.Empty;
            }
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            json = string.Empty;
        }

        if (json.Length == 0)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"The settings of {type.Name} cannot be sent to a cluster (they do not survive a round trip through their public properties)."));
        }

        return new EstimatorDescription { TypeName = type.FullName!, Json = json };
    }

    /// <summary>Rebuilds the estimator a description names.</summary>
    public static T Create<T>(EstimatorDescription description)
        where T : class
    {
        Type? type = typeof(SampleMatrix).Assembly.GetType(description.TypeName, throwOnError: false);
        if (type is null || !typeof(T).IsAssignableFrom(type))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{description.TypeName} is not an InfoTheory {typeof(T).Name}."), nameof(description));
        }

        return (T)JsonSerializer.Deserialize(description.Json, type, s_options)!;
    }
}
