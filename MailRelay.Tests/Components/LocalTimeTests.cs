using Bunit;
using MailRelay.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Components;

public sealed class LocalTimeTests : BunitContext
{
    private const string Module = "./js/viewer-time-zone.js";
    private static readonly DateTimeOffset At = new(2026, 12, 6, 3, 36, 12, TimeSpan.Zero);

    public LocalTimeTests()
    {
        Services.AddScoped<ViewerTimeZone>();
    }

    [Fact]
    public void LocalTime_ZoneKnown_ShowsLocalTimeWithUtcInTitle()
    {
        JSInterop.SetupModule(Module).Setup<string?>("timeZone").SetResult("Europe/Berlin");

        var time = Render<LocalTime>(p => p.Add(c => c.Value, At));

        time.WaitForAssertion(() => time.Find("time span[aria-hidden=true]").TextContent.ShouldBe("2026-12-06 04:36:12"));
        var element = time.Find("time");
        element.GetAttribute("title").ShouldBe("2026-12-06 03:36:12 UTC");
        element.GetAttribute("datetime").ShouldBe("2026-12-06T03:36:12Z");
        time.Find(".visually-hidden").TextContent.ShouldBe("2026-12-06 04:36:12 Europe/Berlin time, 2026-12-06 03:36:12 UTC");
    }

    [Fact]
    public void LocalTime_ZoneKnown_ReadsTheBrowserOncePerCircuit()
    {
        var module = JSInterop.SetupModule(Module);
        module.Setup<string?>("timeZone").SetResult("America/New_York");

        var first = Render<LocalTime>(p => p.Add(c => c.Value, At));
        var second = Render<LocalTime>(p => p.Add(c => c.Value, At.AddHours(1)));

        second.WaitForAssertion(() => second.Find("time span[aria-hidden=true]").TextContent.ShouldBe("2026-12-05 23:36:12"));
        first.Find("time span[aria-hidden=true]").TextContent.ShouldBe("2026-12-05 22:36:12");
        module.VerifyInvoke("timeZone", calledTimes: 1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Etc/UTC")]
    public void LocalTime_ZoneUnknownOrUtc_ShowsUtc(string? zone)
    {
        var module = JSInterop.SetupModule(Module);
        module.Setup<string?>("timeZone").SetResult(zone);

        var time = Render<LocalTime>(p => p.Add(c => c.Value, At));

        time.WaitForAssertion(() => module.VerifyInvoke("timeZone"));
        time.Find("time").TextContent.ShouldBe("2026-12-06 03:36:12 UTC");
        time.Find("time").GetAttribute("title").ShouldBe("2026-12-06 03:36:12 UTC");
    }

    [Fact]
    public void LocalTime_BeforeTheBrowserAnswers_ShowsUtc()
    {
        // No result set: the browser has not answered yet, as while prerendering.
        JSInterop.SetupModule(Module).Setup<string?>("timeZone");

        var time = Render<LocalTime>(p => p.Add(c => c.Value, At));

        time.Find("time").TextContent.ShouldBe("2026-12-06 03:36:12 UTC");
        time.Find("time").GetAttribute("title").ShouldBe("2026-12-06 03:36:12 UTC");
    }

    [Fact]
    public void LocalTime_NoValue_ShowsDash()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;

        Render<LocalTime>(p => p.Add(c => c.Value, null)).Markup.ShouldContain("—");
    }
}
