using System.Globalization;
using System.Text;

namespace InfoTheory.Bottleneck.Internal;

/// <summary>The CSV and JSON output shared by the information-plane recorders.</summary>
internal static class InformationPlaneWriter
{
    public static void WriteCsv(IReadOnlyList<InformationPlanePoint> points, TextWriter writer, LogBase unit)
    {
        ArgumentNullException.ThrowIfNull(writer);
        string suffix = UnitName(unit);
        writer.WriteLine($"layer,epoch,i_x_t_{suffix},i_t_y_{suffix}");
        foreach (InformationPlanePoint p in points)
        {
            string layer = p.Layer.Contains(',', StringComparison.Ordinal) || p.Layer.Contains('"', StringComparison.Ordinal)
                ? "\"" + p.Layer.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : p.Layer;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{layer},{p.Epoch},{p.InputInformation.In(unit):R},{p.LabelInformation.In(unit):R}"));
        }
    }

    public static void WriteJson(IReadOnlyList<InformationPlanePoint> points, TextWriter writer, LogBase unit)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var json = new StringBuilder("[");
        for (int i = 0; i < points.Count; i++)
        {
            InformationPlanePoint p = points[i];
            json.Append(i == 0 ? "\n  " : ",\n  ");
            json.Append(string.Create(CultureInfo.InvariantCulture,
                $"{{\"layer\": {System.Text.Json.JsonSerializer.Serialize(p.Layer, InformationPlaneJson.Default.String)}, \"epoch\": {p.Epoch}, \"iXT\": {p.InputInformation.In(unit):R}, \"iTY\": {p.LabelInformation.In(unit):R}, \"unit\": \"{UnitName(unit)}\"}}"));
        }

        json.Append(points.Count == 0 ? "]" : "\n]");
        writer.WriteLine(json.ToString());
    }

    public static string UnitName(LogBase unit) => unit switch
    {
        LogBase.E => "nats",
        LogBase.Two => "bits",
        LogBase.Ten => "hartleys",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unit must be LogBase.E, LogBase.Two or LogBase.Ten."),
    };
}
