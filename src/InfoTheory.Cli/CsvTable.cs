using System.Globalization;
using System.IO.Compression;
using System.Text;
using InfoTheory.Continuous;

namespace InfoTheory.Cli;

/// <summary>How a command treats empty fields in the columns it uses.</summary>
internal enum MissingValues
{
    /// <summary>An empty field is an error naming its line and column (the default: nothing is guessed).</summary>
    Error,

    /// <summary>Rows with an empty field in any used column are left out, and their number is printed.</summary>
    Drop,

    /// <summary>An empty field is a value of its own (discrete estimators only).</summary>
    Category,
}

/// <summary>
/// A delimited text file read as strings: RFC 4180 quoting (a delimiter, a quote "" or a line break inside quotes),
/// optional header row, gzip-compressed input recognised by its first bytes. Each row remembers the line it started
/// on, so errors name the line a user sees in an editor.
/// </summary>
internal sealed class CsvTable
{
    private readonly List<string[]> _rows;
    private readonly List<int> _lines;

    private CsvTable(string path, string[] header, bool hasHeader, List<string[]> rows, List<int> lines)
    {
        Path = path;
        Header = header;
        HasHeader = hasHeader;
        _rows = rows;
        _lines = lines;
    }

    public string Path { get; }

    /// <summary>The column names: the header row, or "#0", "#1", … without one.</summary>
    public string[] Header { get; }

    public bool HasHeader { get; }

    public int RowCount => _rows.Count;

    /// <summary>Reads a file; throws <see cref="CliException"/> with a readable message when it cannot.</summary>
    public static CsvTable Read(string path, bool hasHeader = true, char delimiter = ',')
    {
        if (!File.Exists(path))
        {
            throw new CliException($"file '{path}' not found");
        }

        if (delimiter is '"' or '\r' or '\n')
        {
            throw new CliException($"the delimiter cannot be a quote or a line break");
        }

        List<(string[] Fields, int Line)> records = Parse(path, delimiter);
        if (records.Count == 0)
        {
            throw new CliException(hasHeader ? $"file '{path}' is empty: a header row is needed" : $"file '{path}' has no data rows");
        }

        string[] header = hasHeader ? records[0].Fields : Enumerable.Range(0, records[0].Fields.Length).Select(i => "#" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var rows = new List<string[]>(records.Count);
        var lines = new List<int>(records.Count);
        foreach ((string[] fields, int line) in records.Skip(hasHeader ? 1 : 0))
        {
            if (fields.Length != header.Length)
            {
                throw new CliException($"{path}, line {line}: {fields.Length} fields but {(hasHeader ? "the header has" : "the first row has")} {header.Length}");
            }

            rows.Add(fields);
            lines.Add(line);
        }

        if (rows.Count == 0)
        {
            throw new CliException($"file '{path}' has a header but no data rows");
        }

        return new CsvTable(path, header, hasHeader, rows, lines);
    }

    /// <summary>
    /// The columns a specification names: comma-separated items, each a header name (quoted with "…" when it holds a
    /// comma or looks like a number), or a 0-based position written #N. A bare number that is not a header name is a
    /// position; one that is a header name and also the position of another column is ambiguous and an error.
    /// </summary>
    public int[] Resolve(string spec, string option)
    {
        List<string> items = SplitSpec(spec, option);
        if (items.Count == 0)
        {
            throw new CliException($"{option}: no column given");
        }

        return items.Select(item => ResolveOne(item, option)).ToArray();
    }

    /// <summary>The names of <paramref name="columns"/>, for echoing what was chosen.</summary>
    public string Names(int[] columns) => string.Join(", ", columns.Select(c => HasHeader ? $"{Header[c]} (#{c})" : Header[c]));

    /// <summary>
    /// The rows to use: all of them, or with <see cref="MissingValues.Drop"/> those with no empty field in
    /// <paramref name="columns"/>; with <see cref="MissingValues.Error"/> the first empty field is an error.
    /// </summary>
    public int[] Rows(IEnumerable<int> columns, MissingValues missing)
    {
        int[] used = columns.Distinct().ToArray();
        var kept = new List<int>(_rows.Count);
        for (int r = 0; r < _rows.Count; r++)
        {
            int empty = Array.FindIndex(used, c => _rows[r][c].Length == 0);
            if (empty < 0 || missing == MissingValues.Category)
            {
                kept.Add(r);
            }
            else if (missing == MissingValues.Error)
            {
                throw new CliException($"{Path}, line {_lines[r]}, column '{Header[used[empty]]}': empty field; choose --missing drop to leave such rows out{" "}or --missing category to treat an empty field as a value of its own (discrete estimators)");
            }
        }

        if (kept.Count == 0)
        {
            throw new CliException($"{Path}: every row has an empty field in the columns used; nothing is left to estimate from");
        }

        return [.. kept];
    }

    /// <summary>One string per chosen row; several columns are joined into one joint value.</summary>
    public string[] Values(int[] columns, int[] rows)
    {
        var values = new string[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            string[] row = _rows[rows[i]];
            values[i] = columns.Length == 1 ? row[columns[0]] : string.Join('\u001f', columns.Select(c => row[c]));
        }

        return values;
    }

    /// <summary>The chosen rows of <paramref name="columns"/> as numbers; a field that is not a finite number is an error naming its line and column.</summary>
    public SampleMatrix Numeric(int[] columns, int[] rows)
    {
        int d = columns.Length;
        double[] values = new double[rows.Length * d];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < d; j++)
            {
                string field = _rows[rows[i]][columns[j]];
                if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    throw new CliException($"{Path}, line {_lines[rows[i]]}, column '{Header[columns[j]]}': '{field}' is not a finite number");
                }

                values[(i * d) + j] = value;
            }
        }

        return SampleMatrix.FromRowMajor(values, d);
    }

    private int ResolveOne(string item, string option)
    {
        bool quoted = item.Length >= 2 && item[0] == '"' && item[^1] == '"';
        string name = quoted ? item[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : item;
        int[] named = Enumerable.Range(0, Header.Length).Where(i => HasHeader && string.Equals(Header[i], name, StringComparison.Ordinal)).ToArray();
        if (named.Length > 1)
        {
            throw new CliException($"{option}: the header names {named.Length} columns '{name}' (positions {string.Join(", ", named.Select(i => "#" + i))}); choose one by position");
        }

        if (quoted)
        {
            return named.Length == 1 ? named[0] : throw NotFound(item, option);
        }

        string digits = name.StartsWith('#') ? name[1..] : name;
        bool isPosition = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int position);
        if (name.StartsWith('#'))
        {
            return isPosition && position < Header.Length
                ? position
                : throw new CliException($"{option}: '{name}' is not a column position; the file has columns #0 to #{Header.Length - 1}");
        }

        if (named.Length == 1)
        {
            if (isPosition && position < Header.Length && position != named[0])
            {
                throw new CliException($"{option}: '{name}' is both the name of column #{named[0]} and the position of column '{Header[position]}'; write #{position} for the position or \"{name}\" for the name");
            }

            return named[0];
        }

        return isPosition && position < Header.Length ? position : throw NotFound(item, option);
    }

    private CliException NotFound(string item, string option) =>
        new($"{option}: column {(item.StartsWith('"') ? item : $"'{item}'")} not found; the columns are: {string.Join(", ", Header.Select(h => h.Contains(',', StringComparison.Ordinal) ? $"\"{h}\"" : h))}");

    /// <summary>Splits a column specification at commas outside double quotes.</summary>
    private static List<string> SplitSpec(string spec, string option)
    {
        var items = new List<string>();
        var item = new StringBuilder();
        bool quoted = false;
        foreach (char c in spec)
        {
            if (c == '"')
            {
                quoted = !quoted;
                item.Append(c);
            }
            else if (c == ',' && !quoted)
            {
                Add();
            }
            else
            {
                item.Append(c);
            }
        }

        if (quoted)
        {
            throw new CliException($"{option}: a quoted column name is not closed in '{spec}'");
        }

        Add();
        return items;

        void Add()
        {
            string text = item.ToString().Trim();
            if (text.Length > 0)
            {
                items.Add(text);
            }

            item.Clear();
        }
    }

    private static List<(string[] Fields, int Line)> Parse(string path, char delimiter)
    {
        using StreamReader reader = Open(path);
        var records = new List<(string[], int)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, wasQuoted = false, any = false;
        int line = 1, recordLine = 1;
        int next = reader.Read();
        while (next >= 0)
        {
            char c = (char)next;
            next = reader.Read();
            if (quoted)
            {
                if (c == '"' && next == '"')
                {
                    field.Append('"');
                    next = reader.Read();
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0 && !wasQuoted)
            {
                quoted = wasQuoted = any = true;
                field.Clear();
            }
            else if (c == delimiter)
            {
                EndField();
                any = true;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && next == '\n')
                {
                    next = reader.Read();
                }

                EndRecord();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new CliException($"{path}, line {recordLine}: a quoted field is not closed");
        }

        EndRecord();
        return records;

        void EndField()
        {
            fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
            field.Clear();
            wasQuoted = false;
        }

        void EndRecord()
        {
            if (any || field.ToString().Trim().Length > 0)
            {
                EndField();
                records.Add((fields.ToArray(), recordLine));
            }

            fields.Clear();
            field.Clear();
            wasQuoted = any = false;
        }
    }

    /// <summary>A reader over the file, decompressed when it starts with the gzip magic bytes.</summary>
    private static StreamReader Open(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> magic = stackalloc byte[2];
        int read = stream.Read(magic);
        stream.Position = 0;
        Stream source = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        return new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }
}

/// <summary>An error the command line reports as one line, with exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
