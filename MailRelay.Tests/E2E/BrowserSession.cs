using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace MailRelay.Tests.E2E;

/// <summary>
/// One test's browser context and first page. Console errors and uncaught page errors of every
/// page in the context are collected: Chromium reports Content-Security-Policy violations and
/// failed loads as console errors, so a test that asserts <see cref="Problems"/> is empty catches them.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<BrowserProblem> _problems = new();

    private BrowserSession(IBrowserContext context)
    {
        Context = context;
        context.Page += (_, page) => Watch(page);
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; private set; } = null!;

    /// <summary>Console errors and page errors so far, in the order they happened.</summary>
    public IReadOnlyList<BrowserProblem> Problems => [.. _problems];

    public static async Task<BrowserSession> StartAsync(IBrowserContext context)
    {
        var session = new BrowserSession(context);
        session.Page = await context.NewPageAsync();
        return session;
    }

    /// <summary>Another page in the same context (same cookies), watched like the first.</summary>
    public Task<IPage> NewPageAsync() => Context.NewPageAsync();

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _problems.Enqueue(new("console", message.Text, message.Location));
        };
        page.PageError += (_, error) => _problems.Enqueue(new("page error", error, page.Url));
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
