using MailRelay.Core.Notifications;
using Microsoft.AspNetCore.Components;

namespace MailRelay.Web.Emails;

/// <summary>Every notice email takes the notice as its one parameter, so the composer renders any of them the same way.</summary>
public abstract class NoticeEmailBase : ComponentBase
{
    [Parameter, EditorRequired] public Notice Notice { get; set; } = null!;

    protected string Subject => NoticeTexts.Subject(Notice);
}
