using Bunit;
using MailRelay.Core.Audit;
using MailRelay.Web.Components.Pages.Admin;

namespace MailRelay.Tests.Components;

public sealed class AuditPageTests : RelayComponentTest
{
    private IRenderedComponent<MudBlazor.MudPopoverProvider>? _popovers;

    /// <summary>Opens the select <paramref name="testId"/> and picks the first option whose text contains <paramref name="option"/>.</summary>
    private void Choose(IRenderedComponent<Audit> page, string testId, string option)
    {
        // The select opens on a mouse press on the field around its combobox input.
        for (var element = page.Find($"[data-testid={testId}]").ParentElement; element is not null; element = element.ParentElement)
        {
            try
            {
                element.MouseDown();
                break;
            }
            catch (Bunit.MissingEventHandlerException)
            {
            }
            try
            {
                element.Click();
                break;
            }
            catch (Bunit.MissingEventHandlerException)
            {
            }
        }
        var popovers = _popovers.ShouldNotBeNull();
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-list-item").ShouldNotBeEmpty());
        popovers.FindAll(".mud-popover-open .mud-list-item").First(li => li.TextContent.Contains(option)).Click();
    }

    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private async Task SeedAsync(string actor, string action, string target, DateTimeOffset at, string correlation = "trace") =>
        await Store.Audit.AppendAuditAsync(new NewAuditEntry(actor, action, target, null, correlation), at, default);

    private static IReadOnlyList<string> Rows(IRenderedComponent<Audit> page) =>
        page.FindAll("[data-testid=audit-grid] tbody tr").Where(r => r.QuerySelector("td[data-label]") is not null).Select(r => r.TextContent).ToList();

    [Fact]
    public async Task Audit_Entries_ShowWhoWhatTargetWhenAndCorrelationId()
    {
        await SeedAsync("alice", AuditActions.SignIn, "alice", T0, "4bf92f3577b34da6a3ce929d0e0e4736");
        SignInAs("admin", admin: true);

        _popovers ??= Render<MudBlazor.MudPopoverProvider>();
        var page = Render<Audit>();

        page.WaitForAssertion(() => Rows(page).ShouldHaveSingleItem());
        var row = Rows(page)[0];
        row.ShouldContain("Alice");
        row.ShouldContain(AuditActions.SignIn);
        row.ShouldContain("2026-11-02 09:00:00 UTC");
        row.ShouldContain("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    [Fact]
    public async Task Audit_FilterByAction_ShowsOnlyThatActionAndTheCsvLinkCarriesIt()
    {
        await SeedAsync("alice", AuditActions.SignIn, "alice", T0);
        await SeedAsync("admin", AuditActions.RouteCreate, "*@example.com", T0.AddMinutes(1));
        SignInAs("admin", admin: true);
        _popovers ??= Render<MudBlazor.MudPopoverProvider>();
        var page = Render<Audit>();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(2));

        Choose(page, "audit-action", AuditActions.RouteCreate);

        page.WaitForAssertion(() => Rows(page).ShouldHaveSingleItem().ShouldContain("*@example.com"));
        page.Find("[data-testid=audit-csv]").GetAttribute("href").ShouldBe("/api/admin/audit.csv?action=route.create");
    }

    [Fact]
    public async Task Audit_FilterByUser_ShowsOnlyTheirEntries()
    {
        await SeedAsync("alice", AuditActions.SignIn, "alice", T0);
        await SeedAsync("bob", AuditActions.SignIn, "bob", T0.AddMinutes(1));
        SignInAs("admin", admin: true);
        _popovers ??= Render<MudBlazor.MudPopoverProvider>();
        var page = Render<Audit>();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(2));

        Choose(page, "audit-user", "Bob");

        page.WaitForAssertion(() => Rows(page).ShouldHaveSingleItem().ShouldContain("Bob"));
    }

    [Fact]
    public async Task Audit_TimeRange_ShowsEntriesInsideIt()
    {
        await SeedAsync("alice", AuditActions.SignIn, "early", T0);
        await SeedAsync("alice", AuditActions.SignIn, "inside", T0.AddDays(1));
        await SeedAsync("alice", AuditActions.SignIn, "late", T0.AddDays(3));
        SignInAs("admin", admin: true);
        _popovers ??= Render<MudBlazor.MudPopoverProvider>();
        var page = Render<Audit>();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(3));

        page.Find("input#audit-from").Change("2026-11-03T00:00");
        page.Find("input#audit-to").Change("2026-11-04T00:00");

        page.WaitForAssertion(() => Rows(page).ShouldHaveSingleItem().ShouldContain("inside"));
    }

    [Fact]
    public async Task Audit_FromAfterTo_SaysSoAndListsNothing()
    {
        await SeedAsync("alice", AuditActions.SignIn, "alice", T0);
        SignInAs("admin", admin: true);
        _popovers ??= Render<MudBlazor.MudPopoverProvider>();
        var page = Render<Audit>();
        page.WaitForAssertion(() => Rows(page).ShouldHaveSingleItem());

        page.Find("input#audit-from").Change("2026-11-05T00:00");
        page.Find("input#audit-to").Change("2026-11-01T00:00");

        page.WaitForAssertion(() => page.Find("[data-testid=audit-problem]").TextContent.ShouldContain("on or before"));
        Rows(page).ShouldBeEmpty();
        page.Find("[data-testid=audit-csv]").GetAttribute("aria-disabled").ShouldBe("true");
    }

    [Fact]
    public async Task Audit_MoreThanAPage_PagedOnTheServer()
    {
        for (var i = 0; i < 30; i++) await SeedAsync("alice", AuditActions.SignIn, $"entry-{i:00}", T0.AddMinutes(i));
        SignInAs("admin", admin: true);
        _popovers ??= Render<MudBlazor.MudPopoverProvider>();
        var page = Render<Audit>();
        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(25));
        Rows(page)[0].ShouldContain("entry-29");

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Rows(page).Count.ShouldBe(5));
        Rows(page)[^1].ShouldContain("entry-00");
    }

    [Fact]
    public void Audit_NoEntries_SaysSo()
    {
        SignInAs("admin", admin: true);

        _popovers ??= Render<MudBlazor.MudPopoverProvider>();
        var page = Render<Audit>();

        page.WaitForAssertion(() => page.Find("[data-testid=audit-grid]").TextContent.ShouldContain("No audit entries yet."));
    }
}
