using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;

namespace MailRelay.Tests.Contracts.Forwarding;

/// <summary>The in-process adapter (SQLite store): one process is the whole cluster, so the second instance is the same object.</summary>
public sealed class InProcessImportAllowanceContractTests : ImportAllowanceContract
{
    protected override Task<IImportAllowance> CreateAsync() => Task.FromResult<IImportAllowance>(new InProcessImportAllowance());

    protected override IImportAllowance SecondInstance() => Allowance;
}
