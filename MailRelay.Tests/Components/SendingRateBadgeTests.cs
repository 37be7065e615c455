using Bunit;
using MailRelay.Core.Outbound;
using MailRelay.Web.Components.Admin;

namespace MailRelay.Tests.Components;

public sealed class SendingRateBadgeTests : RelayComponentTest
{
    private async Task SendAsync(string smtpUserId, int sends, int bounces, int complaints)
    {
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < sends; i++)
        {
            var id = $"{smtpUserId}-{i}";
            await Store.Usage.RecordOutboundEventAsync(new OutboundEvent(id, OutboundEventType.Send, at, null, null, null, 1), smtpUserId, default);
            if (i < bounces) await Store.Usage.RecordOutboundEventAsync(new OutboundEvent(id, OutboundEventType.Bounce, at, null, null, null, 1), smtpUserId, default);
            if (i < complaints) await Store.Usage.RecordOutboundEventAsync(new OutboundEvent(id, OutboundEventType.Complaint, at, null, null, null, 1), smtpUserId, default);
        }
    }

    [Theory]
    [InlineData(100, 4, 0, "Healthy", "Healthy")]
    [InlineData(100, 5, 0, "Review", "Healthy")]
    [InlineData(100, 10, 0, "Pause", "Healthy")]
    [InlineData(1000, 0, 1, "Healthy", "Review")]
    [InlineData(200, 0, 1, "Healthy", "Pause")]
    public async Task SendingRateBadge_Rates_ColouredBySesThresholds(int sends, int bounces, int complaints, string bounceLevel, string complaintLevel)
    {
        await SendAsync("s1", sends, bounces, complaints);

        var badge = Render<SendingRateBadge>(p => p.Add(b => b.SmtpUserId, "s1"));

        badge.WaitForAssertion(() => badge.Find("[data-testid=bounce-rate]").GetAttribute("data-level").ShouldBe(bounceLevel));
        badge.Find("[data-testid=complaint-rate]").GetAttribute("data-level").ShouldBe(complaintLevel);
        ClassOf(badge, "bounce-rate").ShouldContain(StyleClass(bounceLevel));
        ClassOf(badge, "complaint-rate").ShouldContain(StyleClass(complaintLevel));
    }

    [Fact]
    public async Task SendingRateBadge_ReviewLevel_SaysSoInWordsToo()
    {
        await SendAsync("s1", 100, 5, 0);

        var badge = Render<SendingRateBadge>(p => p.Add(b => b.SmtpUserId, "s1"));

        badge.WaitForAssertion(() => badge.Find("[data-testid=bounce-rate]").TextContent.ShouldContain("5% bounces (SES review)"));
    }

    [Fact]
    public void SendingRateBadge_NothingSent_SaysSoInsteadOfARate()
    {
        var badge = Render<SendingRateBadge>(p => p.Add(b => b.SmtpUserId, "quiet"));

        badge.WaitForAssertion(() => badge.Find("[data-testid=sending-rates-none]").TextContent.ShouldContain("No mail sent"));
        badge.FindAll("[data-testid=bounce-rate]").ShouldBeEmpty();
    }

    private static string ClassOf(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> badge, string testId) => badge.Find($"[data-testid={testId}]").GetAttribute("class") ?? "";

    private static string StyleClass(string level) => level switch
    {
        "Pause" => "error",
        "Review" => "warning",
        _ => "success",
    };
}
