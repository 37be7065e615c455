using System.Net;
using MailRelay.Core.Smtp.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Unit;

/// <summary>The IAM query protocol against an in-memory IAM that checks every signature.</summary>
public class IamQueryClientTests : IAsyncLifetime
{
    private const string Name = "mailrelay-smtp-0001";
    private FakeIamEndpoint _iam = null!;
    private IamQueryClient _client = null!;

    public async Task InitializeAsync()
    {
        _iam = await FakeIamEndpoint.StartAsync();
        _client = _iam.CreateClient();
    }

    public async Task DisposeAsync() => await _iam.DisposeAsync();

    private static readonly Dictionary<string, string> Tags = new() { ["mailrelay:record"] = "0001", ["mailrelay:owner"] = "bob" };

    [Fact]
    public async Task CreateUserAsync_NewUser_SendsASignedFormPostUnderTheMailRelayPathWithTags()
    {
        var user = await _client.CreateUserAsync(Name, Tags, CancellationToken.None);

        var request = _iam.Requests.ShouldHaveSingleItem();
        request.SignatureProblem.ShouldBeNull();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/");
        request.ContentType.ShouldBe("application/x-www-form-urlencoded");
        request.Form.ShouldBe(new Dictionary<string, string>
        {
            ["Action"] = "CreateUser",
            ["UserName"] = Name,
            ["Path"] = "/mailrelay/",
            ["Tags.member.1.Key"] = "mailrelay:owner",
            ["Tags.member.1.Value"] = "bob",
            ["Tags.member.2.Key"] = "mailrelay:record",
            ["Tags.member.2.Value"] = "0001",
            ["Version"] = "2010-05-08",
        }, ignoreOrder: true);
        user.UserName.ShouldBe(Name);
        user.Path.ShouldBe("/mailrelay/");
        user.UserId.ShouldStartWith("AIDA");
        user.Arn.ShouldBe($"arn:aws:iam::123456789012:user/mailrelay/{Name}");
        user.CreateDate.ShouldBe(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        _iam.User(Name).ShouldNotBeNull().Tags.ShouldBe(Tags, ignoreOrder: true);
    }

    [Fact]
    public async Task CreateUserAsync_ExistingUser_ThrowsEntityAlreadyExists()
    {
        await _client.CreateUserAsync(Name, Tags, CancellationToken.None);

        var e = await Should.ThrowAsync<IamException>(() => _client.CreateUserAsync(Name, Tags, CancellationToken.None));

        e.Code.ShouldBe(IamErrorCodes.EntityAlreadyExists);
        e.IsEntityAlreadyExists.ShouldBeTrue();
        e.IsTransient.ShouldBeFalse();
        e.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        e.ErrorType.ShouldBe("Sender");
        e.RequestId.ShouldNotBeNullOrEmpty();
        e.Message.ShouldBe($"IAM EntityAlreadyExists: User with name {Name} already exists.");
    }

    [Fact]
    public async Task PutUserPolicyAsync_PolicyJson_IsSentVerbatimAndListed()
    {
        await _client.CreateUserAsync(Name, Tags, CancellationToken.None);
        const string document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ses:SendRawEmail"],"Resource":"*","Condition":{"StringLike":{"ses:FromAddress":["bob+x@example.com"]}}}]}""";

        await _client.PutUserPolicyAsync(Name, "mailrelay-send", document, CancellationToken.None);
        var names = await _client.ListUserPoliciesAsync(Name, CancellationToken.None);

        var put = _iam.Requests.Single(r => r.Action == "PutUserPolicy");
        put.SignatureProblem.ShouldBeNull();
        put.Form["PolicyName"].ShouldBe("mailrelay-send");
        put.Form["PolicyDocument"].ShouldBe(document);
        _iam.User(Name)!.Policies["mailrelay-send"].ShouldBe(document);
        names.ShouldBe(["mailrelay-send"]);
        _iam.Requests.Last().Form.ShouldBe(new Dictionary<string, string> { ["Action"] = "ListUserPolicies", ["UserName"] = Name, ["Version"] = "2010-05-08" }, ignoreOrder: true);
    }

    [Fact]
    public async Task CreateAccessKeyAsync_ExistingUser_ReturnsTheKeyAndSecretButNeverPrintsTheSecret()
    {
        await _client.CreateUserAsync(Name, Tags, CancellationToken.None);

        var key = await _client.CreateAccessKeyAsync(Name, CancellationToken.None);

        var stored = _iam.User(Name)!.Keys.ShouldHaveSingleItem();
        key.AccessKeyId.ShouldBe(stored.AccessKeyId);
        key.SecretAccessKey.ShouldBe(stored.SecretAccessKey);
        key.UserName.ShouldBe(Name);
        key.Status.ShouldBe(IamAccessKeyStatus.Active);
        key.ToString().ShouldContain(key.AccessKeyId);
        key.ToString().ShouldNotContain(key.SecretAccessKey);
        _iam.Requests.Last().Form.ShouldBe(new Dictionary<string, string> { ["Action"] = "CreateAccessKey", ["UserName"] = Name, ["Version"] = "2010-05-08" }, ignoreOrder: true);
    }

    [Fact]
    public async Task UpdateAccessKeyAsync_Inactive_IsListedAsInactive()
    {
        await _client.CreateUserAsync(Name, Tags, CancellationToken.None);
        var first = await _client.CreateAccessKeyAsync(Name, CancellationToken.None);
        var second = await _client.CreateAccessKeyAsync(Name, CancellationToken.None);

        await _client.UpdateAccessKeyAsync(Name, first.AccessKeyId, IamAccessKeyStatus.Inactive, CancellationToken.None);
        var keys = await _client.ListAccessKeysAsync(Name, CancellationToken.None);

        _iam.Requests.Single(r => r.Action == "UpdateAccessKey").Form.ShouldBe(new Dictionary<string, string>
        {
            ["Action"] = "UpdateAccessKey", ["UserName"] = Name, ["AccessKeyId"] = first.AccessKeyId, ["Status"] = "Inactive", ["Version"] = "2010-05-08",
        }, ignoreOrder: true);
        keys.Select(k => (k.AccessKeyId, k.Status)).ShouldBe([(first.AccessKeyId, IamAccessKeyStatus.Inactive), (second.AccessKeyId, IamAccessKeyStatus.Active)]);
        keys.ShouldAllBe(k => k.UserName == Name && k.CreateDate != null);
    }

    [Fact]
    public async Task CreateAccessKeyAsync_QuotaReached_ThrowsLimitExceededNotTransient()
    {
        await _client.CreateUserAsync(Name, Tags, CancellationToken.None);
        await _client.CreateAccessKeyAsync(Name, CancellationToken.None);
        await _client.CreateAccessKeyAsync(Name, CancellationToken.None);

        var e = await Should.ThrowAsync<IamException>(() => _client.CreateAccessKeyAsync(Name, CancellationToken.None));

        e.IsLimitExceeded.ShouldBeTrue();
        e.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public async Task DeleteSequence_KeysPoliciesThenUser_RemovesEverythingInThatOrder()
    {
        await _client.CreateUserAsync(Name, Tags, CancellationToken.None);
        await _client.PutUserPolicyAsync(Name, "mailrelay-send", "{}", CancellationToken.None);
        await _client.CreateAccessKeyAsync(Name, CancellationToken.None);

        foreach (var key in await _client.ListAccessKeysAsync(Name, CancellationToken.None))
            await _client.DeleteAccessKeyAsync(Name, key.AccessKeyId, CancellationToken.None);
        foreach (var policy in await _client.ListUserPoliciesAsync(Name, CancellationToken.None))
            await _client.DeleteUserPolicyAsync(Name, policy, CancellationToken.None);
        await _client.DeleteUserAsync(Name, CancellationToken.None);

        _iam.User(Name).ShouldBeNull();
        _iam.Actions.ShouldBe(["CreateUser", "PutUserPolicy", "CreateAccessKey", "ListAccessKeys", "DeleteAccessKey", "ListUserPolicies", "DeleteUserPolicy", "DeleteUser"]);
        _iam.Requests.ShouldAllBe(r => r.SignatureProblem == null);
        _iam.Requests.Single(r => r.Action == "DeleteUserPolicy").Form["PolicyName"].ShouldBe("mailrelay-send");
        _iam.Requests.Single(r => r.Action == "DeleteAccessKey").Form["AccessKeyId"].ShouldStartWith("AKIA");
    }

    [Fact]
    public async Task DeleteUserAsync_StillHasAKey_ThrowsDeleteConflict()
    {
        await _client.CreateUserAsync(Name, Tags, CancellationToken.None);
        await _client.CreateAccessKeyAsync(Name, CancellationToken.None);

        var e = await Should.ThrowAsync<IamException>(() => _client.DeleteUserAsync(Name, CancellationToken.None));

        e.Code.ShouldBe(IamErrorCodes.DeleteConflict);
    }

    [Theory]
    [InlineData("DeleteUser")]
    [InlineData("ListAccessKeys")]
    [InlineData("DeleteUserPolicy")]
    [InlineData("DeleteAccessKey")]
    public async Task AnyCall_UserGone_ThrowsNoSuchEntity(string action)
    {
        Func<Task> call = action switch
        {
            "DeleteUser" => () => _client.DeleteUserAsync(Name, CancellationToken.None),
            "ListAccessKeys" => () => _client.ListAccessKeysAsync(Name, CancellationToken.None),
            "DeleteUserPolicy" => () => _client.DeleteUserPolicyAsync(Name, "mailrelay-send", CancellationToken.None),
            _ => () => _client.DeleteAccessKeyAsync(Name, "AKIA0000000000000001", CancellationToken.None),
        };

        var e = await Should.ThrowAsync<IamException>(call);

        e.IsNoSuchEntity.ShouldBeTrue();
        e.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        e.IsTransient.ShouldBeFalse();
        _iam.Actions.ShouldBe([action]);
    }

    [Fact]
    public async Task CreateAccessKeyAsync_ThrottledTwice_IsTransientThenSucceeds()
    {
        await _client.CreateUserAsync(Name, Tags, CancellationToken.None);
        _iam.ThrottleNext("CreateAccessKey", 2);

        for (var i = 0; i < 2; i++)
        {
            var e = await Should.ThrowAsync<IamException>(() => _client.CreateAccessKeyAsync(Name, CancellationToken.None));
            e.Code.ShouldBe(IamErrorCodes.Throttling);
            e.IsTransient.ShouldBeTrue();
        }
        var key = await _client.CreateAccessKeyAsync(Name, CancellationToken.None);

        key.AccessKeyId.ShouldStartWith("AKIA");
        _iam.Actions.Count(a => a == "CreateAccessKey").ShouldBe(3);
        _iam.User(Name)!.Keys.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AnyCall_ServiceFailure_IsTransient()
    {
        _iam.FailNext("CreateUser", 1, IamErrorCodes.ServiceFailure, "Request processing has failed due to some unknown error.", HttpStatusCode.InternalServerError, "Receiver");

        var e = await Should.ThrowAsync<IamException>(() => _client.CreateUserAsync(Name, Tags, CancellationToken.None));

        e.IsTransient.ShouldBeTrue();
        _iam.User(Name).ShouldBeNull();
    }

    [Fact]
    public async Task AnyCall_WrongSecret_IsRejectedByTheEndpointsSignatureCheck()
    {
        // Proves the fake's check is real, so "SignatureProblem is null" above means something.
        var client = _iam.CreateClient(credentials: new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "not-the-secret"));

        var e = await Should.ThrowAsync<IamException>(() => client.CreateUserAsync(Name, Tags, CancellationToken.None));

        e.Code.ShouldBe("SignatureDoesNotMatch");
        e.Message.ShouldNotContain("not-the-secret");
        _iam.Requests.ShouldHaveSingleItem().SignatureProblem.ShouldNotBeNull().ShouldStartWith("signature ");
    }

    [Fact]
    public async Task AnyCall_NotIamXml_ThrowsWithoutEchoingTheBody()
    {
        using var http = new HttpClient(new StaticHandler(HttpStatusCode.BadGateway, "<html>proxy secret-ish page</html>"));
        var client = new IamQueryClient(http, new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "secret"), TimeProvider.System, new Uri("https://iam.example.test/"));

        var e = await Should.ThrowAsync<IamException>(() => client.DeleteUserAsync(Name, CancellationToken.None));

        e.Code.ShouldBe("Http502");
        e.IsTransient.ShouldBeTrue();
        e.Message.ShouldNotContain("proxy");
    }

    [Fact]
    public async Task ListAccessKeysAsync_TruncatedPage_FollowsTheMarker()
    {
        var pages = new Queue<string>([
            FakeIamEndpoint.Ok("ListAccessKeys", "<UserName>u</UserName><AccessKeyMetadata><member><UserName>u</UserName><AccessKeyId>AKIA1</AccessKeyId><Status>Active</Status></member></AccessKeyMetadata><IsTruncated>true</IsTruncated><Marker>page2</Marker>").Item2,
            FakeIamEndpoint.Ok("ListAccessKeys", "<UserName>u</UserName><AccessKeyMetadata><member><UserName>u</UserName><AccessKeyId>AKIA2</AccessKeyId><Status>Inactive</Status></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>").Item2,
        ]);
        var handler = new StaticHandler(HttpStatusCode.OK, () => pages.Dequeue());
        using var http = new HttpClient(handler);
        var client = new IamQueryClient(http, new Amazon.Runtime.BasicAWSCredentials("AKIDEXAMPLE", "secret"), TimeProvider.System);

        var keys = await client.ListAccessKeysAsync("u", CancellationToken.None);

        keys.Select(k => k.AccessKeyId).ShouldBe(["AKIA1", "AKIA2"]);
        handler.Bodies[1].ShouldContain("Marker=page2");
        handler.Uris.ShouldAllBe(u => u == new Uri("https://iam.amazonaws.com/"));
        handler.Authorizations.ShouldAllBe(a => a.Contains("/us-east-1/iam/aws4_request"));
    }

    private sealed class StaticHandler(HttpStatusCode status, Func<string> body) : HttpMessageHandler
    {
        public StaticHandler(HttpStatusCode status, string body) : this(status, () => body) { }

        public List<string> Bodies { get; } = [];
        public List<Uri> Uris { get; } = [];
        public List<string> Authorizations { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            Uris.Add(request.RequestUri!);
            Authorizations.Add(request.Headers.NonValidated.TryGetValues("Authorization", out var values) ? values.ToString() : "");
            return new HttpResponseMessage(status) { Content = new StringContent(body()) };
        }
    }
}
