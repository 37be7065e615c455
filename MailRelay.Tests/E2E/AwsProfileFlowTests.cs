using System.Net;
using System.Security.Cryptography;
using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Storage.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>
/// Issue 6, acceptance 2: the app started on the AWS profile, every port on its AWS adapter against
/// dynalite, s3rver and the fakes, forwards mail end to end. Alice signs in through OIDC and
/// connects Gmail; SES stores a message in S3 and notifies SQS; it arrives in her Gmail exactly
/// once (a duplicate notification changes nothing), My queue says Delivered, and DynamoDB holds her
/// refresh token only as KMS ciphertext.
/// </summary>
public sealed class AwsProfileFlowTests(BrowserFixture browser, AwsAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<AwsAppFixture>, IDisposable
{
    private const string Recipient = "alice@mail.example.com";
    private const string AliceId = "sub-alice";
    private readonly AppProcess _app = fixture.App;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task Readyz_AwsProfileOnEmulators_IsReady()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };

        using var ready = await http.GetAsync("/readyz");

        ready.StatusCode.ShouldBe(HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        // Every port chose its AWS adapter (the start-up log names each choice).
        var log = _app.OutputSince(0);
        foreach (var (port, provider) in new[] { ("Store", "DynamoDb"), ("Blobs", "S3"), ("Inbound", "Sqs"), ("Secrets", "Kms"), ("SmtpIdentity", "Iam"),
                     ("MailboxDelivery", "Gmail"), ("Notifications", "Smtp"), ("Outbound", "Sqs") })
            log.ShouldContain(line => line.Contains($"\"Port\":\"{port}\"", StringComparison.Ordinal) && line.Contains($"\"Provider\":\"{provider}\"", StringComparison.Ordinal),
                $"port {port} should use {provider}");
        // The store behind /readyz is DynamoDB: the app created its table in dynalite at start.
        using var dynamo = fixture.Dynalite.CreateClient(StoreTable());
        (await dynamo.DescribeTableAsync(AwsAppFixture.TableName)).Table.TableStatus.Value.ShouldBe("ACTIVE");
    }

    [Fact]
    public async Task SesMail_AliceSignedInWithOidcAndConnectedGmail_ArrivesOnceDeliveredAndTokenIsKmsCiphertext()
    {
        var google = fixture.Google;
        // Alice signs in first: the admin can route mail to her only once her user exists.
        await using var alice = await browser.NewSessionAsync(_app.BaseUrl);
        var page = alice.Page;
        await page.SignInWithOidcAsync("alice", expectedPath: "/");
        await page.ShouldHaveLiveCircuitAsync();

        await using var admin = await browser.NewSessionAsync(_app.BaseUrl);
        await admin.Page.SignInWithOidcAsync("carol-admin", expectedPath: "/");
        await RouteToAliceAsync(admin.Page);

        // Connect Gmail through the fake Google's consent.
        await page.OpenFromNavAsync("/my/gmail", "My Gmail");
        await page.GetByTestId("gmail-connect").GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync($"{_app.BaseUrl}/my/gmail?gmail=connected");
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync("Connected");
        await Expect(page.GetByTestId("gmail-address")).ToHaveTextAsync(AwsAppFixture.AliceGmail);

        // SES: the raw message into the bucket under inbound/, the notification onto the queue.
        var subject = $"Via SES on the AWS profile {Guid.NewGuid():N}";
        var (raw, notification) = await SendThroughSesAsync(subject);

        await RelayHost.EventuallyAsync(() => Task.FromResult(google.Mailbox(AwsAppFixture.AliceGmail).Count == 1), "the message is in Alice's Gmail", TimeSpan.FromSeconds(60));
        SHA256.HashData(google.Mailbox(AwsAppFixture.AliceGmail).Single().Raw).ShouldBe(SHA256.HashData(raw));
        await RelayHost.EventuallyAsync(() => Task.FromResult(fixture.Inbound.Count == 0), "the SQS notification is deleted");

        // SNS delivers at least once: the same notification again is acknowledged and imports nothing.
        fixture.Inbound.Send(notification);
        await RelayHost.EventuallyAsync(() => Task.FromResult(fixture.Inbound.Count == 0), "the duplicate notification is deleted");
        await page.OpenFromNavAsync("/my/queue", "My queue");
        var mine = page.GetByTestId("my-delivered").Locator("tr.my-message").Filter(new() { HasText = subject });
        await Expect(mine).ToHaveCountAsync(1);
        await Expect(mine.GetByTestId("delivery-status")).ToHaveAttributeAsync("data-status", "Delivered");
        google.Mailbox(AwsAppFixture.AliceGmail).Count.ShouldBe(1, "the message was imported exactly once");

        await RefreshTokenShouldBeKmsCiphertextAsync(google.RefreshTokensOf(AwsAppFixture.AliceGmail).ShouldHaveSingleItem());

        // Google revokes her grant: the next message waits, and "please reconnect" goes out over SMTP (STARTTLS, AUTH).
        google.Revoke(AwsAppFixture.AliceGmail);
        await SendThroughSesAsync($"While revoked {Guid.NewGuid():N}");
        var notices = await fixture.Smtp.WaitForMessagesAsync(1);
        var notice = notices.ShouldHaveSingleItem(fixture.Smtp.Transcript());
        notice.To.ShouldBe([AwsAppFixture.AliceGmail]);
        notice.Tls.ShouldBeTrue("the notice went over the STARTTLS-upgraded connection");
        notice.User.ShouldBe(AwsAppFixture.SmtpUser);
        using (var parsed = notice.ParseMime()) parsed.Subject.ShouldBe($"Please reconnect your Gmail account {AwsAppFixture.AliceGmail}");
        await Expect(page.GetByTestId("my-waiting").Locator("tr.my-message")).ToHaveCountAsync(1);
        google.Mailbox(AwsAppFixture.AliceGmail).Count.ShouldBe(1, "nothing is imported while her grant is revoked");

        await page.ShouldShowNoErrorBoundaryAsync();
        alice.Problems.ShouldBeEmpty();
        admin.Problems.ShouldBeEmpty();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    private Task<(byte[] Raw, string Notification)> SendThroughSesAsync(string subject) => fixture.SendThroughSesAsync(Recipient, subject);

    /// <summary>Reads Alice's Gmail connection item straight from dynalite: ciphertext that only the KMS key opens, with her id as context.</summary>
    private async Task RefreshTokenShouldBeKmsCiphertextAsync(string clearToken)
    {
        using var dynamo = fixture.Dynalite.CreateClient(StoreTable());
        var item = (await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = AwsAppFixture.TableName,
            Key = new() { ["PK"] = new AttributeValue($"USER#{AliceId}"), ["SK"] = new AttributeValue("GMAIL") },
            ConsistentRead = true,
        })).Item;
        item.ShouldContainKey("ProtectedRefreshToken");
        var stored = item["ProtectedRefreshToken"].S;
        stored.ShouldNotContain(clearToken);
        item.Values.ShouldAllBe(value => value.S == null || !value.S.Contains(clearToken));
        fixture.Kms.Requests.ShouldContain(r => r.Target == "TrentService.Encrypt" && r.EncryptionContext[KmsSecretProtector.RecordContextKey] == AliceId);
        using var kms = fixture.Kms.CreateClient();
        (await new KmsSecretProtector(kms, FakeKmsEndpoint.KeyId).UnprotectAsync(stored, AliceId, default)).ShouldBe(clearToken);
    }

    private DynamoDbSettings StoreTable() =>
        new() { TableName = AwsAppFixture.TableName, Region = "eu-west-1", ServiceUrl = fixture.Dynalite.ServiceUrl };

    private async Task RouteToAliceAsync(IPage page)
    {
        await page.OpenFromNavAsync("/admin/routes", "Routes");
        await page.GetByTestId("route-add").ClickAsync();
        await page.GetByLabel("Recipient pattern").FillAsync(Recipient);
        await page.ChooseInMudSelectAsync(page.GetByTestId("route-action-user"), "Alice Example (alice@example.com)", "Alice Example");
        await page.GetByTestId("route-save").ClickAsync();
        await Expect(page.GetByTestId("routes-grid").Locator("tbody tr").Filter(new() { HasText = Recipient })).ToContainTextAsync("Gmail of Alice Example");
        await page.ShouldShowNoErrorBoundaryAsync();
    }

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }
}
