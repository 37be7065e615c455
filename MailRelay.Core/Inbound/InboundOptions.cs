using MailRelay.Core.Configuration;

namespace MailRelay.Core.Inbound;

/// <summary>Where new mail comes from (<c>Inbound</c> section).</summary>
public sealed class InboundOptions : IPortOptions
{
    public const string SectionName = "Inbound";
    public const string Folder = "Folder";
    public const string Sqs = "Sqs";

    public string PortName => SectionName;

    /// <summary>Folder (default): .eml files dropped into a folder. Sqs: SES notifications through SNS and SQS (section <c>Inbound:Sqs</c>).</summary>
    public string Provider { get; set; } = Folder;

    /// <summary>Folder of the Folder adapter, relative to <c>LocalData:Directory</c>.</summary>
    public string FolderPath { get; set; } = "inbox";
}
