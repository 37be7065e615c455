using MailRelay.Core;
using MailRelay.Web;
using MailRelay.Web.Hosting;
using MailRelay.Workers;

var builder = WebApplication.CreateBuilder(MailRelayHostOptions.From(args));

builder.AddMailRelayCore();
builder.AddMailRelayWorkers();
builder.AddMailRelayWeb();

var app = builder.Build();
app.MapMailRelay();

return await app.RunMailRelayAsync();

/// <summary>Visible to the host tests' WebApplicationFactory.</summary>
public partial class Program;
