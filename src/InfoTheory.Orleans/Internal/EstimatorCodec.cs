using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using InfoTheory.Continuous;
using InfoTheory.Internal;
using InfoTheory.Orleans.Messages;

namespace InfoTheory.Orleans.Internal;

/// <summary>
/// Estimators of the core package to and from <see cref="EstimatorDescription"/>: every public property as JSON (get-only
/// ones bound back through the constructor's parameters of the same name), and a property whose declared type is
/// abstract or an interface (an inner estimator) as {"$type", "$value"} naming its concrete InfoTheory type.
/// </summary>
internal static class EstimatorCodec
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new PolymorphicFactory() },
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
            // Every public property is written, get-only ones included, so a setting that does not come back through a
            // constructor parameter or a setter makes the second serialisation differ and is caught here.
            json = JsonSerializer.Serialize(estimator, type, s_options);
            object again = JsonSerializer.Deserialize(json, type, s_options)!;
            if (json != JsonSerializer.Serialize(again, type, s_options))
            {
                json = string.Empty;
            }
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            json = string.Empty;
        }

        if (json.Length == 0)
        {
            ThrowHelper.ArgumentException(paramName, string.Create(CultureInfo.InvariantCulture,
                $"The settings of {type.Name} cannot be sent to a cluster (they do not survive a round trip through their public properties and constructor)."));
        }

        return new EstimatorDescription { TypeName = type.FullName!, Json = json };
    }

    /// <summary>Rebuilds the estimator a description names.</summary>
    public static T Create<T>(EstimatorDescription description)
        where T : class
    {
        Type type = Resolve(description.TypeName, typeof(T));
        return (T)JsonSerializer.Deserialize(description.Json, type, s_options)!;
    }

    private static Type Resolve(string name, Type expected)
    {
        Type? type = typeof(SampleMatrix).Assembly.GetType(name, throwOnError: false);
        if (type is null || !expected.IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"{name} is not an InfoTheory {expected.Name}."));
        }

        return type;
    }

    /// <summary>Abstract and interface types (inner estimators) written with their concrete type.</summary>
    private sealed class PolymorphicFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            (typeToConvert.IsAbstract || typeToConvert.IsInterface) && typeToConvert.Assembly == typeof(SampleMatrix).Assembly;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Polymorphic<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class Polymorphic<T> : JsonConverter<T>
        where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.GetString() != "$type" || !reader.Read())
            {
                throw new JsonException("Expected {\"$type\": …, \"$value\": …}.");
            }

            Type type = Resolve(reader.GetString()!, typeof(T));
            if (!reader.Read() || reader.GetString() != "$value" || !reader.Read())
            {
                throw new JsonException("Expected \"$value\".");
            }

            var value = (T)JsonSerializer.Deserialize(ref reader, type, options)!;
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
            {
                throw new JsonException("Expected the end of {\"$type\", \"$value\"}.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("$type", value.GetType().FullName);
            writer.WritePropertyName("$value");
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
            writer.WriteEndObject();
        }
    }
}
