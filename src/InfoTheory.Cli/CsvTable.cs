using System.Text;
using InfoTheory.Continuous;

namespace InfoTheory.Cli;

/// <summary>A CSV file with a header row, read as strings (RFC 4180 quoting: "a, b" and "" inside quotes).</summary>
internal sealed class CsvTable
{
    private readonly List<string[]> _rows;

    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        _rows = rows;
    }

    public string[] Header { get; }

    public int RowCount => _rows.Count;

    /// <summary>Reads a CSV file; throws <see cref="CliException"/> with a readable message when it cannot.</summary>
    public static CsvTable Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"file '{path}' not found");
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        string? headerLine = reader.ReadLine() ?? throw new CliException($"file '{path}' is empty: a header row is needed");
        string[] header = Split(headerLine, path, 1);
        var rows = new List<string[]>();
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = Split(line, path, lineNumber);
            if (fields.Length != header.Length)
            {
                throw new CliException($"{path}, line {lineNumber}: {fields.Length} fields but the header has {header.Length}");
            }

            rows.Add(fields);
        }

        if (rows.Count == 0)
        {
            throw new CliException($"file '{path}' has a header but no data rows");
        }

        return new CsvTable(header, rows);
    }

    /// <summary>The values of one or more columns (comma-separated names or 0-based indices); several columns are joined into one value per row.</summary>
    public string[] Column(string spec)
    {
        int[] indices = spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(IndexOf).ToArray();
        if (indices.Length == 0)
        {
            throw new CliException("no column given");
        }

        var values = new string[_rows.Count];
        for (int r = 0; r < _rows.Count; r++)
        {
            values[r] = indices.Length == 1 ? _rows[r][indices[0]] : string.Join('\u001f', indices.Select(i => _rows[r][i]));
        }

        return values;
    }

    /// <summary>The values of one or more columns as numbers, one row per sample; a field that is not a finite number is an error naming its line and column.</summary>
    public SampleMatrix Numeric(string spec)
    {
        int[] indices = spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(IndexOf).ToArray();
        if (indices.Length == 0)
        {
            throw new CliException("no column given");
        }

        if (_rows.Count == 0)
        {
            throw new CliException("the file has no data rows");
        }

        int d = indices.Length;
        double[] values = new double[_rows.Count * d];
        for (int r = 0; r < _rows.Count; r++)
        {
            for (int j = 0; j < d; j++)
            {
                string field = _rows[r][indices[j]];
                if (!double.TryParse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    // Line 1 is the header.
                    throw new CliException($"line {r + 2}, column '{Header[indices[j]]}': '{field}' is not a finite number");
                }

                values[(r * d) + j] = value;
            }
        }

        return SampleMatrix.FromRowMajor(values, d);
    }

    private int IndexOf(string name)
    {
        int index = Array.FindIndex(Header, h => string.Equals(h, name, StringComparison.Ordinal));
        if (index >= 0)
        {
            return index;
        }

        if (int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index) && index < Header.Length)
        {
            return index;
        }

        throw new CliException($"column '{name}' not found; the columns are: {string.Join(", ", Header)}");
    }

    private static string[] Split(string line, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new CliException($"{path}, line {lineNumber}: a quoted field is not closed");
        }

        fields.Add(field.ToString().Trim().TrimEnd('\r'));
        return [.. fields];
    }
}

/// <summary>An error the command line reports as one line, with exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
