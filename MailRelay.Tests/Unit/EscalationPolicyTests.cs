using MailRelay.Core.Gmail;
using MailRelay.Core.Notifications;

namespace MailRelay.Tests.Unit;

public class EscalationPolicyTests
{
    private static GmailConnection Connection(GmailConnectionStatus status = GmailConnectionStatus.Connected, int failures = 0) =>
        new("alice", "alice@gmail.example", "protected", "gmail.insert", DateTimeOffset.UnixEpoch, null, status, failures, null, null);

    [Fact]
    public void TransientFailure_FirstAttempt_OnlyMarksFailing()
    {
        var step = EscalationPolicy.OnRefreshFailure(Connection(), permanent: false, "Google's token endpoint answered 503.");
        step.ShouldBe(new EscalationStep(GmailConnectionStatus.Failing, 1, null, QueueMail: false));
    }

    [Fact]
    public void TransientFailure_SecondAttempt_SendsHavingTrouble()
    {
        var step = EscalationPolicy.OnRefreshFailure(Connection(GmailConnectionStatus.Failing, 1), permanent: false, "timeout");
        step.ShouldBe(new EscalationStep(GmailConnectionStatus.Failing, 2, NoticeKind.HavingTrouble, QueueMail: false));
    }

    [Fact]
    public void TransientFailure_ThirdAttempt_DisablesAndSendsConnectionLost()
    {
        var step = EscalationPolicy.OnRefreshFailure(Connection(GmailConnectionStatus.Failing, 2), permanent: false, "timeout");
        step.ShouldBe(new EscalationStep(GmailConnectionStatus.Disabled, 3, NoticeKind.ConnectionLost, QueueMail: true));
    }

    [Theory]
    [InlineData("Token has been expired or revoked.", GmailConnectionStatus.Revoked)]
    [InlineData("invalid_grant: Bad Request", GmailConnectionStatus.Expired)]
    public void PermanentError_SendsPleaseReconnectAtOnce(string error, GmailConnectionStatus expected)
    {
        var step = EscalationPolicy.OnRefreshFailure(Connection(), permanent: true, error);
        step.ShouldBe(new EscalationStep(expected, 1, NoticeKind.PleaseReconnect, QueueMail: true));
    }

    [Fact]
    public void PermanentError_WhileFailing_StillSendsPleaseReconnect()
    {
        var step = EscalationPolicy.OnRefreshFailure(Connection(GmailConnectionStatus.Failing, 2), permanent: true, "revoked");
        (step.Status, step.Notice).ShouldBe((GmailConnectionStatus.Revoked, NoticeKind.PleaseReconnect));
    }

    [Theory]
    [InlineData(GmailConnectionStatus.Disabled, false)]
    [InlineData(GmailConnectionStatus.Revoked, true)]
    [InlineData(GmailConnectionStatus.Expired, false)]
    public void FailureOnUnusableConnection_SendsNothingMore_AndKeepsMailQueued(GmailConnectionStatus status, bool permanent)
    {
        var step = EscalationPolicy.OnRefreshFailure(Connection(status, 3), permanent, "still broken");
        step.ShouldBe(new EscalationStep(status, 4, null, QueueMail: true));
    }
}
