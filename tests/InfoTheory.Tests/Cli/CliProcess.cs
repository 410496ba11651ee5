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
}
