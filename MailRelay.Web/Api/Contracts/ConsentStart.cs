namespace MailRelay.Web.Api.Contracts;

/// <summary>The answer of <c>POST /api/token/renew</c>: where to send the user for Google's consent.</summary>
public sealed record ConsentStart(string ConsentUrl);
