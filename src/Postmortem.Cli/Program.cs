using Postmortem.Cli;

// NativeAOT on Linux: the heap's next pages asked of the kernel at once (HeapPages; docs/benchmarks.md, thirty-fifth session).
HeapPages.Prepare();

// Piped standard input is also handed over as bytes, so notes read from '-' are checked as text (PM0015).
return CliApp.Run(args, CliConsole.System() with { InBytes = Console.IsInputRedirected ? Console.OpenStandardInput() : null });
