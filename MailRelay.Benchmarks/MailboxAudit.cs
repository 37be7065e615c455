using System.Text;
using MailRelay.Tests.Fakes;

namespace MailRelay.Benchmarks;

/// <summary>
/// What the users' Gmail mailboxes say about a run: each import is known by the bench id the
/// message carries in its subject, so imports beyond one per message are duplicates, a sent message
/// never imported is lost, and an import whose received order is below the one before it in the
/// same mailbox is an order violation.
/// </summary>
public sealed class MailboxAudit(FakeGoogle google, IReadOnlyList<string> mailboxes)
{
    /// <summary>Every import of every mailbox, in import order per mailbox: (mailbox, bench id, when).</summary>
    public IReadOnlyList<(string Mailbox, string Id, DateTimeOffset At)> Imports() =>
        [.. mailboxes.SelectMany(m => google.Mailbox(m).Select(message => (m, IdOf(message), message.ReceivedAt)))];

    public int ImportedOnce(IReadOnlySet<string> ids) => ImportedIds().Count(ids.Contains);

    public HashSet<string> ImportedIds() => [.. Imports().Select(i => i.Id)];

    public int Duplicates(IReadOnlySet<string> ids)
    {
        var imports = Imports().Where(i => ids.Contains(i.Id)).ToList();
        return imports.Count - imports.Select(i => i.Id).Distinct().Count();
    }

    public int Lost(IReadOnlySet<string> ids) => ids.Count - ImportedOnce(ids);

    /// <summary>Imports that came after a message received later than them, in the same mailbox (repeats of one message are not counted).</summary>
    public int OrderViolations(IReadOnlyDictionary<string, long> receivedOrder)
    {
        var violations = 0;
        foreach (var mailbox in mailboxes)
        {
            long highest = -1;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var message in google.Mailbox(mailbox))
            {
                var id = IdOf(message);
                if (!seen.Add(id) || !receivedOrder.TryGetValue(id, out var sequence)) continue;
                if (sequence < highest) violations++;
                highest = Math.Max(highest, sequence);
            }
        }
        return violations;
    }

    /// <summary>The subject line is <c>Scale &lt;id&gt;</c>: the id is the message's SES (and MailRelay) message id.</summary>
    public static string Subject(string id) => $"Scale {id}";

    public static string IdOf(FakeGmailMessage message)
    {
        const string Prefix = "Subject: Scale ";
        var headers = Encoding.ASCII.GetString(message.Raw);
        var start = headers.IndexOf(Prefix, StringComparison.Ordinal) + Prefix.Length;
        return headers[start..headers.IndexOf('\r', start)];
    }
}
