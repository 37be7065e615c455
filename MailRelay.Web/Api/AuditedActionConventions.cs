namespace MailRelay.Web.Api;

public static class AuditedActionConventions
{
    /// <summary>Declares the audit actions this endpoint performs (through the same Core service the page uses).</summary>
    public static TBuilder Audits<TBuilder>(this TBuilder endpoint, params string[] actions) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(actions.Select(a => (object)new AuditedAction(a)).ToArray());
}
