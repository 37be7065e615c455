using MailRelay.Core.Inbound;

namespace MailRelay.Web.Api.Contracts;

/// <summary>What <c>POST /api/admin/messages</c> did: the message's id, and whether it was stored now or already had been.</summary>
public sealed record UploadedMessage(string MessageId, IntakeResult Result);
