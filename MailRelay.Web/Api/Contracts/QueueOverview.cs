using MailRelay.Core.Queues;

namespace MailRelay.Web.Api.Contracts;

/// <summary>The Queues page's counts: each user's deliveries by status, and the received mail not yet taken in.</summary>
public sealed record QueueOverview(IReadOnlyList<UserQueueSummary> Users, int InboxWaiting);
