using MailRelay.Core.Domains;
using MailRelay.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Radzen;

namespace MailRelay.Web.Components.Pages.Admin;

public sealed partial class Dns : IDisposable
{
    private readonly CancellationTokenSource _closing = new();
    private IReadOnlyList<MailDomain>? _domains;
    private IReadOnlyList<string> _suggested = [];
    private string _newDomain = "";
    private string? _error;
    private bool _checking;
    private bool _saving;

    private bool Busy => _checking || _saving;

    [Inject] private DomainAdmin Domains { get; set; } = null!;

    [Inject] private DnsChecker Checker { get; set; } = null!;

    [Inject] private DnsCheckResults Results { get; set; } = null!;

    [Inject] private RecordPlanner Planner { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject] private DialogService Dialogs { get; set; } = null!;

    [Inject] private NotificationService Notifications { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        // The daily job's results appear without a reload.
        Results.Changed += OnResultsChanged;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _domains = await Domains.ListAsync(_closing.Token);
        _suggested = await Domains.SuggestedAsync(_closing.Token);
    }

    private Task AddAsync() => AddAsync(_newDomain);

    private async Task AddAsync(string name)
    {
        if (Busy) return;
        _saving = true;
        try
        {
            var actor = await Authentication.CurrentUserIdAsync();
            var result = await Domains.AddAsync(actor, name, _closing.Token);
            _error = result.Failure?.Message;
            if (!result.IsSuccess) return;
            _newDomain = "";
            Notifications.Notify(NotificationSeverity.Success, "Domain added", $"{result.Value.Name}: press Check now to look its records up.");
            await LoadAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task RemoveAsync(string name)
    {
        var confirmed = await Dialogs.Confirm(
            $"Remove {name}? Its records are no longer listed or checked, and MailRelay stops serving its MTA-STS policy. DNS itself is not changed.",
            "Remove domain", new ConfirmOptions { OkButtonText = "Remove", CancelButtonText = "Keep it" });
        if (confirmed != true) return;
        var actor = await Authentication.CurrentUserIdAsync();
        if ((await Domains.RemoveAsync(actor, name, _closing.Token)).IsSuccess)
            Notifications.Notify(NotificationSeverity.Success, "Domain removed", name);
        else
            Notifications.Notify(NotificationSeverity.Warning, "Domain already gone", $"{name} had been removed meanwhile.");
        await LoadAsync();
    }

    private async Task CheckNowAsync()
    {
        if (Busy) return;
        _checking = true;
        try
        {
            var reports = await Checker.CheckAllAsync(_closing.Token);
            var ok = reports.Count(r => r.AllOk);
            Notifications.Notify(ok == reports.Count ? NotificationSeverity.Success : NotificationSeverity.Warning,
                "DNS checked", $"{ok} of {reports.Count} domains have every record as expected.");
        }
        finally
        {
            _checking = false;
        }
    }

    private void OnResultsChanged() => _ = InvokeAsync(StateHasChanged);

    public void Dispose()
    {
        Results.Changed -= OnResultsChanged;
        _closing.Cancel();
        _closing.Dispose();
    }
}
