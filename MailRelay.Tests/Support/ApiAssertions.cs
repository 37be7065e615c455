using System.Net;
using System.Text.Json;

namespace MailRelay.Tests.Support;

/// <summary>Reads an API answer: the expected status (with the body in the message when not), and ProblemDetails for errors.</summary>
public static class ApiAssertions
{
    public static async Task<JsonElement> ShouldAnswerAsync(this Task<HttpResponseMessage> sending, HttpStatusCode expected)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        if ((int)expected >= 400) response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The validation error of one field, as a ValidationProblem carries it.</summary>
    public static string ErrorOf(this JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
}
