namespace Postmortem.Ingest.Interview;

/// <summary>One question of the step-1 interview.</summary>
/// <param name="Id">Answer key, also the incident-file path it fills (<c>impact.scope</c>).</param>
/// <param name="Prompt">What is asked.</param>
/// <param name="Shape">What kind of answer it takes.</param>
/// <param name="Project">Null for both modes, true for project only, false for incident only.</param>
/// <param name="Choices">Allowed answers for <see cref="QuestionShape.Choice"/>.</param>
/// <param name="Required">Whether an empty answer is refused.</param>
public sealed record InterviewQuestion(string Id, string Prompt, QuestionShape Shape, bool? Project = null, IReadOnlyList<string>? Choices = null, bool Required = false);
