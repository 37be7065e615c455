namespace MailRelay.Web.Hosting;

public static class MailRelayHostOptions
{
    /// <summary>
    /// The launch profile sets DOTNET_ENVIRONMENT=Development so that <c>dotnet run</c> starts on the
    /// embedded defaults. An explicit ASPNETCORE_ENVIRONMENT must still win over it (ASP.NET Core 8
    /// lets DOTNET_ENVIRONMENT win), so that <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c>
    /// really is Production and refuses the development sign-in.
    /// </summary>
    public static WebApplicationOptions From(string[] args) => new()
    {
        Args = args,
        EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } name ? name : null,
    };
}
