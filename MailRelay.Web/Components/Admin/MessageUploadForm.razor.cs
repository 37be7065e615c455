using MailRelay.Core.Inbound;
using MailRelay.Web.Auth;
using MailRelay.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace MailRelay.Web.Components.Admin;

public sealed partial class MessageUploadForm : IDisposable
{
    /// <summary>The largest file accepted; the bytes stream through the circuit to a spool file, never whole into memory.</summary>
    public const long MaxBytes = MessageUpload.MaxBytes;

    private readonly CancellationTokenSource _closing = new();
    private IBrowserFile? _file;
    private string? _recipients;
    private string? _error;
    private UploadResult? _result;
    private bool _busy;
    private double _percent;
    private int _inputKey;

    [Inject] private MessageUpload Upload { get; set; } = null!;

    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>Called with the message id once the message is stored (or was already).</summary>
    [Parameter] public EventCallback<string> OnUploaded { get; set; }

    private void Choose(InputFileChangeEventArgs e)
    {
        _result = null;
        _error = null;
        _file = e.File;
        if (_file.Size > MaxBytes)
        {
            _error = $"{_file.Name} is {TimeText.Size(_file.Size)}; the largest message accepted here is {TimeText.Size(MaxBytes)}.";
            _file = null;
        }
    }

    private async Task UploadAsync()
    {
        if (_busy) return;
        var parsed = RecipientList.Parse(_recipients);
        _error = _file is null ? "Choose a .eml file first." : parsed.Failure?.Message;
        if (_error is not null || _file is null || !parsed.IsSuccess) return;
        var recipients = parsed.Value;

        _busy = true;
        _percent = 0;
        _result = null;
        var file = _file;
        try
        {
            var actor = await Authentication.CurrentUserIdAsync();
            await using var content = new ProgressStream(file.OpenReadStream(MaxBytes, _closing.Token), read => ShowProgress(read, file.Size));
            var (outcome, messageId) = await Upload.UploadAsync(actor, content, recipients, _closing.Token);
            _result = outcome switch
            {
                IntakeResult.Accepted => new UploadResult(true, "Message stored", $"Stored {file.Name} as message {messageId} for {string.Join(", ", recipients)}."),
                IntakeResult.RecipientsAdded => new UploadResult(true, "Recipients added", $"{file.Name} was already stored as message {messageId}; the recipients it did not have yet were added."),
                _ => new UploadResult(false, "Message already stored", $"{file.Name} was already stored as message {messageId}; nothing changed."),
            };
            Snackbar.Add($"{_result.Title}: {_result.Text}", _result.Stored ? Severity.Success : Severity.Info);
            _file = null;
            _inputKey++; // a fresh file input, so choosing the same file again is noticed
            await OnUploaded.InvokeAsync(messageId);
        }
        catch (IOException e) when (!_closing.IsCancellationRequested)
        {
            // The browser went away mid-file or the spool disk is full: nothing was stored.
            _error = $"The upload of {file.Name} did not complete, nothing was stored: {e.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    private void ShowProgress(long read, long size)
    {
        var percent = size == 0 ? 100 : Math.Floor(read * 100d / size);
        if (percent <= _percent) return;
        _percent = percent;
        _ = InvokeAsync(StateHasChanged);
    }

    public void Dispose()
    {
        _closing.Cancel();
        _closing.Dispose();
    }

    private sealed record UploadResult(bool Stored, string Title, string Text);
}
