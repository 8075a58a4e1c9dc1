namespace Postmortem.Model;

/// <summary>One row of the detection-and-response assessment table (seed step 4).</summary>
/// <param name="Phase">Detection, Triage, Communication, Mitigation or Resolution.</param>
/// <param name="WhatHappened">What happened, when the file says.</param>
/// <param name="WhatWorked">What worked.</param>
/// <param name="WhatDidNot">What didn't.</param>
public sealed record AssessmentRow(string Phase, string? WhatHappened, string? WhatWorked, string? WhatDidNot);
