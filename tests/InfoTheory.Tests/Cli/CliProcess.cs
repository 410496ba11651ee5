using System.Diagnostics;

namespace InfoTheory.Tests.Cli;

/// <summary>Runs the built command-line tool as a separate process, exactly as a user runs it.</summary>
internal static class CliProcess
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "InfoTheory.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error);
    }

    /// <summary>The number after <paramref name="label"/> (and an optional '=') on the first output line that starts with it.</summary>
    public static double Value(string output, string label)
    {
        string line = output.Split('\n').First(l => l.TrimStart().StartsWith(label, StringComparison.Ordinal));
        string number = line[(line.IndexOf(label, StringComparison.Ordinal) + label.Length)..].TrimStart(' ', '=').Split(' ')[0];
        return double.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
    }
}
