using MailRelay.Core.Domains;
using MailRelay.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace MailRelay.Web.Components.Pages.Admin;

public sealed partial class Dns
{
    private IReadOnlyList<MailDomain>? _domains;
    private IReadOnlyDictionary<string, DomainCheckReport> _checks = new Dictionary<string, DomainCheckReport>();
    private IReadOnlyList<string> _suggested = [];
    private string _newDomain = "";
    private string? _error;
    private bool _checking;
    private bool _saving;

    private bool Busy => _checking || _saving;

    [Inject] private DomainAdmin Domains { get; set; } = null!;

    [Inject] private DnsChecker Checker { get; set; } = null!;

    [Inject] private RecordPlanner Planner { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        // A check by the daily job, or by "Check now" on any instance, appears without a reload.
        FollowRelay(change => change.Kind == DnsChecker.CheckedKind, LoadAsync);
    }

    private async Task LoadAsync()
    {
        _domains = await Domains.ListAsync(Closing);
        _checks = await Domains.LastChecksAsync(Closing);
        _suggested = await Domains.SuggestedAsync(Closing);
    }

    private Task AddAsync() => AddAsync(_newDomain);

    private async Task AddAsync(string name)
    {
        if (Busy) return;
        _saving = true;
        try
        {
            var actor = await Authentication.CurrentUserIdAsync();
            var result = await Domains.AddAsync(actor, name, Closing);
            _error = result.Failure?.Message;
            if (!result.IsSuccess) return;
            _newDomain = "";
            Snackbar.Add($"Domain added: {result.Value.Name}. Press Check now to look its records up.", Severity.Success);
            await LoadAsync();
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task RemoveAsync(string name)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Remove domain",
            $"Remove {name}? Its records are no longer listed or checked, and MailRelay stops serving its MTA-STS policy. DNS itself is not changed.",
            yesText: "Remove", cancelText: "Keep it");
        if (confirmed != true) return;
        var actor = await Authentication.CurrentUserIdAsync();
        if ((await Domains.RemoveAsync(actor, name, Closing)).IsSuccess)
            Snackbar.Add($"Domain removed: {name}", Severity.Success);
        else
            Snackbar.Add($"Domain already gone: {name} had been removed meanwhile.", Severity.Warning);
        await LoadAsync();
    }

    private async Task CheckNowAsync()
    {
        if (Busy) return;
        _checking = true;
        try
        {
            var reports = await Checker.CheckAllAsync(Closing);
            _checks = await Domains.LastChecksAsync(Closing);
            var ok = reports.Count(r => r.AllOk);
            Snackbar.Add($"DNS checked: {ok} of {reports.Count} domains have every record as expected.", ok == reports.Count ? Severity.Success : Severity.Warning);
        }
        finally
        {
            _checking = false;
        }
    }
}
