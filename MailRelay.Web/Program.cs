using MailRelay.Core;
using MailRelay.Core.Configuration;
using MailRelay.Web;
using MailRelay.Web.Hosting;
using MailRelay.Workers;

var builder = WebApplication.CreateBuilder(MailRelayHostOptions.From(args));
// A publish carries MudBlazor's _content/ files in wwwroot; a build output has them only through the
// static web assets manifest, which ASP.NET Core reads by itself only in Development. This lets the
// build output run another profile (the AWS-profile browser test) with its styles and scripts.
if (builder.Configuration.Section<HostingOptions>(HostingOptions.SectionName).StaticWebAssets) builder.WebHost.UseStaticWebAssets();

builder.AddMailRelayCore();
builder.AddMailRelayWorkers();
builder.AddMailRelayWeb();

var app = builder.Build();
app.MapMailRelay();

return await app.RunMailRelayAsync();

/// <summary>Visible to the host tests' WebApplicationFactory.</summary>
public partial class Program;
