namespace MailRelay.Core.Attention;

/// <summary>A listed domain with <see cref="NotOk"/> records the last check did not find as expected, or not checked yet.</summary>
public sealed record DnsAttentionItem(string Domain, bool Checked, int NotOk);
