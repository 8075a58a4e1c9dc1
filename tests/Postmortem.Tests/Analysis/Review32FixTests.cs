using Postmortem.Analysis;
using Postmortem.Model;

namespace Postmortem.Tests.Analysis;

/// <summary>
/// Review32's findings on s32-open's merged rules, fixed by the lead (docs/accuracy.md, thirty-second session, lead): a Polish
/// forecast of the end (F8), Korean polite past and planned endings (F9), a pod "in error state" (F10), a count of the whole
/// (F11), the team's own "not … yet" (F12), a Korean failure denied with a particle (F17). Sentences of our own.
/// </summary>
public sealed class Review32FixTests
{
    private static string Kind(string text) => KindLexicon.Default.Classify(text).Kind.ToName();

    private static string? Hm(KeyTimestamp? key) => key?.Time.ToString("HH:mm", null);

    [Theory]
    [InlineData("Usługa zostanie przywrócona do 14:00")]
    [InlineData("Zasilanie zostanie przywrócone około południa")]
    [InlineData("Dostęp będzie przywrócony jutro")]
    [InlineData("결제 서비스 10시 30분 정상화 예정")]
    [InlineData("복구 완료 예정 시각은 미정")]
    public void A_forecast_of_the_end_is_not_the_end(string text) => Assert.NotEqual("resolution", Kind(text));

    [Theory]
    [InlineData("Usługa przywrócona, wszystko działa poprawnie")]
    [InlineData("서비스가 복구되었습니다")]
    [InlineData("결제 서비스가 정상화되었습니다")]
    [InlineData("전체 서비스 복구 완료")]
    [InlineData("3 of 3 regions working again")]
    [InlineData("결제 서버 3개 모두 복구 완료")]
    public void A_whole_recovery_is_the_end(string text) => Assert.Equal("resolution", Kind(text));

    [Fact]
    public void A_polish_forecast_then_the_recovery_ends_at_the_recovery()
    {
        var bullets = AnalysisTests.FromNotes("- 09:00 Awaria systemu płatności, sklep nie działa\n- 09:30 Usługa zostanie przywrócona do 14:00\n- 11:00 Usługa przywrócona, wszystko działa poprawnie");
        Assert.Equal(("09:00", "11:00"), (Hm(bullets.Keys.ImpactStart), Hm(bullets.Keys.Resolution)));
    }

    [Fact]
    public void Pods_in_error_state_restarted_are_a_mitigation()
    {
        Assert.Equal("mitigation", Kind("Restarted the pods in error state"));
        var bullets = AnalysisTests.FromNotes("- 09:00 Orders API failing for all users\n- 09:30 Restarted the pods in error state\n- 10:00 Orders API working again");
        Assert.Equal(("09:30", "10:00"), (Hm(bullets.Keys.Mitigation), Hm(bullets.Keys.Resolution)));
        Assert.NotEqual("mitigation", Kind("An engineer restarted the wrong cluster in error"));
    }

    [Fact]
    public void The_teams_own_not_yet_leaves_the_recovery_whole()
    {
        var chat = AnalysisTests.FromNotes("[09:00] <ana> checkout is down for everyone\n[09:40] <bo> checkout is working again, not standing down yet\n[10:30] <ana> closing the incident");
        Assert.Equal("09:40", Hm(chat.Keys.Resolution));
        Assert.Equal("mitigation", Kind("Uploads work again, older photos not visible yet"));
    }

    [Fact]
    public void A_korean_failure_denied_with_a_particle_is_no_impact()
    {
        Assert.NotEqual("impact", Kind("점검 중 서비스 장애는 없었습니다"));
        Assert.NotEqual("impact", Kind("서비스 장애가 없었음"));
        Assert.Equal("impact", Kind("결제 서버 장애로 결제가 멈춤"));
    }
}
