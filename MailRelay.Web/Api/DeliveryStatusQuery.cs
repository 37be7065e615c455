using MailRelay.Core.Domain;

namespace MailRelay.Web.Api;

/// <summary>The <c>?status=</c> of the message lists: a delivery status by name, or none.</summary>
public static class DeliveryStatusQuery
{
    public static bool TryParse(string? status, out DeliveryStatus? wanted, out IResult problem)
    {
        wanted = null;
        problem = Results.Empty;
        if (string.IsNullOrWhiteSpace(status)) return true;
        if (Enum.TryParse<DeliveryStatus>(status, true, out var parsed) && Enum.IsDefined(parsed))
        {
            wanted = parsed;
            return true;
        }
        problem = Results.ValidationProblem(new Dictionary<string, string[]>
        {
            ["status"] = [$"'{status}' is not a status; use one of {string.Join(", ", Enum.GetNames<DeliveryStatus>())}."],
        });
        return false;
    }
}
