using System.Security.Cryptography;
using System.Text;

namespace MailRelay.Core.Smtp;

/// <summary>
/// Converts an IAM secret access key into the SES SMTP password (version 4) for one region, as
/// AWS documents it: the SigV4 key derivation over a fixed date, then a signature of "SendRawEmail".
/// The password only works in the region it was derived for.
/// </summary>
public static class SesSmtpPassword
{
    // Fixed by AWS: the derivation does not depend on the current date.
    private const string Date = "11111111";
    private const string Service = "ses";
    private const string Terminal = "aws4_request";
    private const string Message = "SendRawEmail";
    private const byte Version = 0x04;

    public static string FromSecretKey(string secretAccessKey, string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Date);
        key = Hmac(key, region);
        key = Hmac(key, Service);
        key = Hmac(key, Terminal);
        key = Hmac(key, Message);

        var versioned = new byte[key.Length + 1];
        versioned[0] = Version;
        key.CopyTo(versioned, 1);
        return Convert.ToBase64String(versioned);
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
