using Microsoft.AspNetCore.DataProtection;

namespace MailRelay.Core.Storage.Adapters;

/// <summary>
/// The embedded default: ASP.NET Core Data Protection with its key ring in <c>App_Data/keys</c>.
/// The record id is part of the purpose, so a ciphertext only opens for the record it was made for.
/// </summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private const string Purpose = "MailRelay.Secrets.v1";

    public Task<string> ProtectAsync(string plaintext, string recordId, CancellationToken cancellationToken) =>
        Task.FromResult(provider.CreateProtector(Purpose, recordId).Protect(plaintext));

    public Task<string> UnprotectAsync(string protectedValue, string recordId, CancellationToken cancellationToken) =>
        Task.FromResult(provider.CreateProtector(Purpose, recordId).Unprotect(protectedValue));
}
