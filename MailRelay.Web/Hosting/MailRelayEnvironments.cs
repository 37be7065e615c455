namespace MailRelay.Web.Hosting;

/// <summary>Environment names with a configuration profile of their own (<c>appsettings.{name}.json</c>).</summary>
public static class MailRelayEnvironments
{
    /// <summary>
    /// <c>ASPNETCORE_ENVIRONMENT=Aws</c> loads <c>appsettings.Aws.json</c>, which switches every port
    /// to its AWS adapter and sign-in to Cognito. It counts as production: the development sign-in is refused.
    /// </summary>
    public const string Aws = "Aws";
}
