using System.Diagnostics;
using Postmortem.Cli;

namespace Postmortem.Tests.Support;

/// <summary>
/// Runs the CLI either in-process (the JIT build) or as the NativeAOT binary named by
/// <c>POSTMORTEM_AOT_BIN</c>, so the same golden cases check both.
/// </summary>
internal static class CliRunner
{
    public const string AotVariable = "POSTMORTEM_AOT_BIN";

    public static string? AotBinary => Environment.GetEnvironmentVariable(AotVariable) is { Length: > 0 } path ? Path.GetFullPath(path, Repo.Root) : null;

    public static CliRun Run(string runner, IReadOnlyList<string> args, string stdin = "") => runner switch
    {
        "jit" => InProcess(args, stdin),
        "aot" => Process(AotBinary ?? throw new InvalidOperationException($"{AotVariable} is not set"), args, stdin),
        _ => throw new ArgumentOutOfRangeException(nameof(runner)),
    };

    public static IEnumerable<string> Runners()
    {
        yield return "jit";
        if (AotBinary is not null)
        {
            yield return "aot";
        }
    }

    private static CliRun InProcess(IReadOnlyList<string> args, string stdin)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run([.. args], new CliConsole(stdout, stderr, new StringReader(stdin), InputIsTerminal: false, ErrorIsTerminal: false));
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static CliRun Process(string binary, IReadOnlyList<string> args, string stdin)
    {
        var info = new ProcessStartInfo(binary)
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"{binary} did not finish");
        }

        return new CliRun(process.ExitCode, stdoutTask.Result, stderrTask.Result);
    }
}
