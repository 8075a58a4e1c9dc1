using Postmortem.Rendering.Review;

namespace Postmortem.Tests.Rendering;

/// <summary>What someone types in the meeting calls for the seed's facilitation tip when the linter or the action check finds it.</summary>
public sealed class FacilitationTipsTests
{
    [Theory]
    [InlineData("The on-call engineer forgot to check the pool.", false, FacilitationTips.Redirect)]
    [InlineData("It was human error.", false, FacilitationTips.Redirect)]
    [InlineData("The root cause was the banner deploy.", false, FacilitationTips.WhatElse)]
    [InlineData("Improve monitoring", true, FacilitationTips.Specific)]
    public void Blame_a_single_root_cause_and_a_vague_action_each_call_for_their_tip(string text, bool action, string tip)
    {
        Assert.Contains(FacilitationTips.For(text, action), t => t.Tip == tip);
    }

    [Theory]
    [InlineData("The pager did not reach the second responder.", false)]
    [InlineData("Add a Redis pool alert at 75% usage", true)]
    public void Blameless_specific_text_calls_for_no_tip(string text, bool action)
    {
        Assert.Empty(FacilitationTips.For(text, action));
    }
}
