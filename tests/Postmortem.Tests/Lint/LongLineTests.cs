using Postmortem.Analysis.Lint;
using Postmortem.Ingest.Prose;
using Postmortem.Model;
using Postmortem.Rendering.Lint;

namespace Postmortem.Tests.Lint;

/// <summary>Issue 9, "Scale of valid input": one long line is linted, fixed and diffed in linear work.</summary>
public sealed class LongLineTests
{
    private static readonly LintOptions Options = new() { Roster = [new TeamMember("Sam", "On-call engineer", ["@sam"])], Allowed = ["on purpose"] };

    [Fact]
    public void Subjects_are_still_found_just_before_the_verb_on_a_long_line()
    {
        // Given one line of a hundred thousand words with a person, a system and a name before their verbs at the end
        var line = string.Concat(Enumerable.Repeat("the replica pool looks fine ", 25_000)) + "the deploy job failed to start. Sam broke checkout. Then she caused the outage.";
        var found = Linter.Lint("long.md", [new ProseSegment(line, 1, 1, 0, ProseContext.Narrative)], Options);

        // Then: no fault for the job, a person as cause for the name and for "she"
        Assert.DoesNotContain(found, f => f.Rule == LintRules.AbsenceAsFault);
        Assert.Equal(["Sam broke", "she caused"], found.Where(f => f.Rule == LintRules.PersonAsCause).Select(f => line.Substring(f.Column - 1, f.Length)));
    }

    [Fact]
    public void Linting_a_long_line_allocates_in_proportion_to_it_not_to_its_square()
    {
        // Given a 600 KB line with 3,000 verbs whose subject is looked for before them
        var line = string.Concat(Enumerable.Repeat("the cache broke and the request failed to finish but obviously nothing else ", 3_000));
        var segment = new ProseSegment(line, 1, 1, 0, ProseContext.Narrative);
        Linter.Lint("warm.md", [new ProseSegment("the cache broke", 1, 1, 0, ProseContext.Narrative)], Options);

        // When it is linted (one batch: on this thread)
        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = Linter.Lint("long.md", [segment], Options);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then the findings are there, and the allocation is a few times the text: copying the text before every
        // verb (as the subject lookup did) allocated about 1,000 times it
        Assert.Equal(3_000, found.Count(f => f.Rule == LintRules.Hindsight));
        Assert.InRange(allocated, 0, 40L * line.Length * sizeof(char));
    }

    [Fact]
    public void An_allowed_phrase_is_found_only_where_it_overlaps_the_finding()
    {
        var line = string.Concat(Enumerable.Repeat("word ", 1_000)) + "it was obviously on purpose, and clearly later.";
        var found = Linter.Lint("a.md", [new ProseSegment("it was obviously on purpose", 1, 1, 0, ProseContext.Narrative), new ProseSegment(line, 2, 1, 100, ProseContext.Narrative)], Options with { Allowed = ["obviously on"] });
        Assert.Equal([(2, "clearly")], found.Select(f => (f.Line, f.Fix is null ? "" : line.Substring(f.Column - 1, f.Length))));
    }

    [Fact]
    public void Fixing_a_long_line_makes_every_edit_once_in_order()
    {
        var line = string.Concat(Enumerable.Repeat("@sam obviously restarted it. ", 2_000));
        var (text, edits) = LintFixer.FixFile("long.md", "# Timeline\n\n" + line + "\n", Options);
        Assert.Equal(4_000, edits);
        Assert.Equal("# Timeline\n\n" + string.Concat(Enumerable.Repeat("The on-call engineer restarted it. ", 2_000)) + "\n", text);
    }

    [Fact]
    public void The_dry_run_diff_shows_each_run_of_changed_lines_old_then_new()
    {
        var diff = FixDiff.Render("notes.md", "a\nSam x\nSam y\nb\r\nSam z\n", "a\nthe r x\nthe r y\nb\r\nthe r z\n");
        Assert.Equal(
            "--- a/notes.md\n+++ b/notes.md\n@@ line 2 @@\n-Sam x\n@@ line 3 @@\n-Sam y\n+the r x\n+the r y\n@@ line 5 @@\n-Sam z\n+the r z\n",
            diff);
    }
}
