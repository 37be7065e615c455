namespace MailRelay.Core.Adapters.Aws;

public enum IamAccessKeyStatus
{
    Active,
    Inactive,
}
