using MailRelay.Core.Common;
using MailRelay.Core.Outbound;

namespace MailRelay.Web.Api.Contracts;

/// <summary>One page of the usage report: inbound per user and day, outbound per SMTP user and day, over one range of days.</summary>
public sealed record UsageReportPage(DateOnly From, DateOnly To, Page<UsageRow> Inbound, Page<OutboundUsageRow> Outbound);
