using MailRelay.Core.Inbound;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// What every <see cref="IStuckInboxItems"/> adapter must do: the admin page lists what intake
/// cannot read, and a listed item is released or deleted exactly once, after which it is gone.
/// Anything not listed (unknown, readable, or not a plain name) is never acted on. Where a source
/// keeps no unreadable items of its own (SQS hands them to its dead-letter queue), it lists none.
/// </summary>
public abstract class StuckInboxItemsContract : IAsyncLifetime
{
    protected IStuckInboxItems Items { get; private set; } = null!;

    protected abstract Task<IStuckInboxItems> CreateItemsAsync();

    /// <summary>
    /// Puts into the source a message intake cannot read. Returns the name it must be listed under,
    /// or null when the source keeps no unreadable items for an admin (they go elsewhere).
    /// </summary>
    protected abstract Task<string?> LeaveUnreadableItemAsync();

    /// <summary>Puts into the source a message intake can read (never stuck).</summary>
    protected abstract Task LeaveReadableItemAsync(string name);

    public async Task InitializeAsync() => Items = await CreateItemsAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<string>> ListedNamesAsync() => (await Items.ListAsync(default)).Select(i => i.Name).ToList();

    [Fact]
    public async Task List_NothingInTheSource_ReturnsEmpty() => (await Items.ListAsync(default)).ShouldBeEmpty();

    [Fact]
    public async Task List_ReadableItem_IsNotStuck()
    {
        await LeaveReadableItemAsync("fine.eml");

        (await Items.ListAsync(default)).ShouldBeEmpty();
        (await Items.ReleaseAsync("fine.eml", default)).ShouldBeFalse();
        (await Items.DeleteAsync("fine.eml", default)).ShouldBeFalse();
    }

    [Fact]
    public async Task List_UnreadableItem_IsListedWithAReasonAndItsSize()
    {
        var name = await LeaveUnreadableItemAsync();

        var listed = await Items.ListAsync(default);

        listed.Select(i => i.Name).ShouldBe(name is null ? [] : [name]);
        foreach (var item in listed)
        {
            item.Reason.ShouldNotBeNullOrWhiteSpace();
            item.SizeBytes.ShouldBeGreaterThan(0);
            item.Since.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(1));
        }
    }

    [Fact]
    public async Task Release_ListedItem_SucceedsExactlyOnce_ThenTheItemIsGone()
    {
        var name = await LeaveUnreadableItemAsync();
        var listed = await ListedNamesAsync();
        var target = name ?? "never-listed.eml";

        (await Items.ReleaseAsync(target, default)).ShouldBe(listed.Contains(target));

        (await Items.ReleaseAsync(target, default)).ShouldBeFalse();
        (await Items.DeleteAsync(target, default)).ShouldBeFalse();
        (await ListedNamesAsync()).ShouldNotContain(target);
    }

    [Fact]
    public async Task Delete_ListedItem_SucceedsExactlyOnce_ThenTheItemIsGone()
    {
        var name = await LeaveUnreadableItemAsync();
        var listed = await ListedNamesAsync();
        var target = name ?? "never-listed.eml";

        (await Items.DeleteAsync(target, default)).ShouldBe(listed.Contains(target));

        (await Items.DeleteAsync(target, default)).ShouldBeFalse();
        (await Items.ReleaseAsync(target, default)).ShouldBeFalse();
        (await ListedNamesAsync()).ShouldNotContain(target);
    }

    [Theory]
    [InlineData("unknown.eml")]
    [InlineData("")]
    [InlineData("../stuck.eml")]
    [InlineData("sub/stuck.eml")]
    [InlineData("/etc/passwd")]
    public async Task ReleaseAndDelete_NameNotListed_ReturnFalse_AndLeaveTheStuckItemsAlone(string notListed)
    {
        await LeaveUnreadableItemAsync();
        var before = await ListedNamesAsync();

        (await Items.ReleaseAsync(notListed, default)).ShouldBeFalse();
        (await Items.DeleteAsync(notListed, default)).ShouldBeFalse();

        (await ListedNamesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Release_OneOfTwoStuckItems_LeavesTheOtherListed()
    {
        var first = await LeaveUnreadableItemAsync();
        var second = await LeaveUnreadableItemAsync();

        (await Items.ReleaseAsync(first ?? "never-listed.eml", default)).ShouldBe(first is not null);

        (await ListedNamesAsync()).ShouldBe(second is null ? [] : [second]);
    }
}
