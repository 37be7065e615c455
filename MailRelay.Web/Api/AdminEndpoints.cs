using MailRelay.Core.Common;
using MailRelay.Core.Users;

namespace MailRelay.Web.Api;

/// <summary>Admin-only endpoints; the group requires the admin policy, checked on the server.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users", (UserDirectory users, HttpContext http, int skip = 0, int take = 50, string? after = null) =>
                users.ListAsync(new PageRequest(skip, take, after), http.RequestAborted))
            .WithTags("Users").WithSummary("Every user, paged; after= continues from a page's next cursor.");
        admin.MapAdminUserEndpoints();
        admin.MapAdminReportEndpoints();
        admin.MapAdminSmtpUserEndpoints();
        admin.MapAdminDnsEndpoints();
        admin.MapAdminInboxEndpoints();
        admin.MapAdminDomainEndpoints();
        admin.MapAdminRouteEndpoints();
        admin.MapAdminQueueEndpoints();
        admin.MapAdminOutboxEndpoints();
        return admin;
    }
}
