using System.Runtime.CompilerServices;
using System.Text;

namespace MailRelay.Core.Inbound.Headers;

/// <summary>
/// MimeKit turns charset names (windows-1252, koi8-r, shift_jis, …) into encodings through
/// <see cref="Encoding.GetEncoding(string)"/>, which on .NET knows only the Unicode and a few Latin
/// encodings until the code-page provider is registered. MimeKit remembers what it found on first
/// use, so the provider is registered as soon as this assembly is, before anything here touches MimeKit.
/// </summary>
internal static class MimeKitEncodings
{
#pragma warning disable CA2255 // A module initializer in a library: here the point is to run before any caller's first MimeKit use.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
