using System.CommandLine;

namespace InfoTheory.Cli;

/// <summary>The options every command that reads a data file shares: the file, its header and delimiter, and missing values.</summary>
internal sealed class TableInput
{
    private readonly Argument<string?>? _file;
    private readonly Option<string?> _csv;
    private readonly Option<bool> _noHeader = new("--no-header") { Description = "The file has no header row; columns are chosen by position (#0, #1, …)." };
    private readonly Option<string> _delimiter = new("--delimiter", "-d") { Description = "The field delimiter: one character, or 'tab' (default ',').", DefaultValueFactory = _ => "," };
    private readonly Option<MissingValues> _missing = new("--missing")
    {
        Description = "Empty fields in the columns used: error (default), drop (leave those rows out), or category (a value of its own; discrete estimators only).",
        DefaultValueFactory = _ => MissingValues.Error,
    };

    /// <summary>Options for a command whose data file is the positional argument or --csv (<paramref name="positional"/>), or --csv only.</summary>
    public TableInput(bool positional)
    {
        _csv = new Option<string?>("--csv") { Description = "The data file (CSV with a header row unless --no-header; may be gzip-compressed)." };
        if (positional)
        {
            _file = new Argument<string?>("file") { Description = "The data file (or give --csv).", Arity = ArgumentArity.ZeroOrOne };
        }
    }

    public void AddTo(Command command)
    {
        if (_file is not null)
        {
            command.Arguments.Add(_file);
        }

        command.Options.Add(_csv);
        command.Options.Add(_noHeader);
        command.Options.Add(_delimiter);
        command.Options.Add(_missing);
    }

    /// <summary>The file path given, or null.</summary>
    public string? Path(ParseResult result) => (_file is null ? null : result.GetValue(_file)) ?? result.GetValue(_csv);

    public MissingValues Missing(ParseResult result) => result.GetValue(_missing);

    public CsvTable Read(ParseResult result, string usage)
    {
        string path = Path(result) ?? throw new CliException($"give the data file, e.g. {usage}");
        string text = result.GetValue(_delimiter)!;
        char delimiter = text switch
        {
            "tab" or "\\t" => '\t',
            { Length: 1 } => text[0],
            _ => throw new CliException($"--delimiter must be one character or 'tab', got '{text}'"),
        };
        return CsvTable.Read(path, !result.GetValue(_noHeader), delimiter);
    }
}
