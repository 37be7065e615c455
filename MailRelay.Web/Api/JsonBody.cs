namespace MailRelay.Web.Api;

/// <summary>
/// Reads a JSON body inside the handler rather than binding it: a bound body adds content-type
/// matching, and a request without JSON would then miss the endpoint (and its admin check) instead
/// of getting a 400 that says what to send.
/// </summary>
public static class JsonBody
{
    /// <summary>The body, or null when it is not JSON or not of this shape.</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext http) where T : class
    {
        if (!http.Request.HasJsonContentType()) return null;
        try
        {
            return await http.Request.ReadFromJsonAsync<T>(http.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
