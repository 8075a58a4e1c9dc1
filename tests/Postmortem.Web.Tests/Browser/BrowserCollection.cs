namespace Postmortem.Web.Tests.Browser;

/// <summary>
/// The browser tests run one at a time and alone: each starts Kestrel and a Chromium, and on a two-core CI machine two of
/// them beside the rest of the suite starved a page load past Playwright's timeout (stop 34: the second sign-in's
/// <c>load</c> event never came within 30 s).
/// </summary>
[CollectionDefinition(nameof(BrowserCollection), DisableParallelization = true)]
public sealed class BrowserCollection;
