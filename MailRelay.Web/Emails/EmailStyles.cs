namespace MailRelay.Web.Emails;

/// <summary>
/// The inline styles of the emails. Email clients drop &lt;style&gt; blocks and external CSS, so
/// every element carries its own style; they are named here so the emails look alike.
/// </summary>
public static class EmailStyles
{
    public const string Paragraph = "margin:0 0 16px 0;font-size:16px;line-height:1.5;color:#1f2933;";
    public const string Note = "margin:0 0 16px 0;font-size:14px;line-height:1.5;color:#52606d;";
    public const string Reason = "margin:0 0 16px 0;padding:12px 16px;font-size:14px;line-height:1.5;color:#1f2933;background-color:#f4f5f7;border-left:4px solid #9aa5b1;";
    public const string Link = "color:#1a56db;text-decoration:underline;word-break:break-all;";
}
