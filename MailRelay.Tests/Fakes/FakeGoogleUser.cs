namespace MailRelay.Tests.Fakes;

/// <summary>A Google account the fake knows, with the refresh token it was granted.</summary>
public sealed record FakeGoogleUser(string Email, string RefreshToken)
{
    // Tests print records in failure messages; the token is a fake, but keep the habit.
    public override string ToString() => $"FakeGoogleUser({Email})";
}
