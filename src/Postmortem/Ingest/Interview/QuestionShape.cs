namespace Postmortem.Ingest.Interview;

/// <summary>What kind of answer a question takes.</summary>
public enum QuestionShape
{
    /// <summary>One line of text.</summary>
    Line,

    /// <summary>Several lines, ended by an empty line on a terminal.</summary>
    Text,

    /// <summary>An ISO date.</summary>
    Date,

    /// <summary>An IANA zone id or abbreviation.</summary>
    Zone,

    /// <summary>One of a closed set.</summary>
    Choice,
}
