using System.Globalization;
using MailRelay.Core.Attention;
using MailRelay.Core.Gmail;
using MailRelay.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace MailRelay.Web.Components.Admin;

/// <summary>Reads <see cref="AdminAttention"/> and again whenever the relay changes (mail, deliveries, Gmail connections).</summary>
public sealed partial class AttentionCards
{
    private AttentionReport? _report;

    [Inject] private AdminAttention Attention { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        FollowRelay(_ => true, LoadAsync);
    }

    private async Task LoadAsync() => _report = await Attention.ReadAsync(Closing);

    private string Age(DateTimeOffset? since) => since is { } at ? TimeText.Age(Time.GetUtcNow() - at) + " ago" : "none";

    private static string GmailWords(GmailAttentionItem item) => item.State switch
    {
        GmailState.ExpiringSoon => "expires within a day",
        GmailState.Expired => "expired",
        GmailState.Revoked => "revoked at Google",
        GmailState.Disabled => "disabled after repeated failures",
        _ => item.State.ToString(),
    };

    private static string Percent(double? rate) =>
        (rate ?? 0).ToString(rate < 0.01 ? "0.0#%" : "0.#%", CultureInfo.InvariantCulture);
}
