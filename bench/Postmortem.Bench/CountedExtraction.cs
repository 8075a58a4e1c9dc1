using System.Text;
using NodaTime;
using Postmortem.Ingest.Notes;

namespace Postmortem.Bench;

/// <summary>
/// One extraction of the generated 1 MB notes outside the count, then two inside it, with a handshake on the standard streams
/// so that <c>bench/instructions.sh</c> can switch callgrind's counting on and off exactly around the counted pair.
/// </summary>
internal static class CountedExtraction
{
    public static void Run()
    {
        var notes = NotesGenerator.Generate(1024 * 1024);
        var options = new NotesOptions { File = "bench.md", AnchorDate = new LocalDate(2023, 11, 1), DefaultZone = DateTimeZoneProviders.Tzdb["America/New_York"] };
        var events = NotesExtractor.Extract(notes, options).Events.Count;

        Handshake($"ready {Encoding.UTF8.GetByteCount(notes)} bytes {events} events");
        for (var i = 0; i < 2; i++)
        {
            events = NotesExtractor.Extract(notes, options).Events.Count;
        }

        Handshake($"done {events} events");
    }

    // Tells the script where the run is and waits for its go-ahead (a line on standard input).
    private static void Handshake(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
        Console.In.ReadLine();
    }
}
