
namespace MailRelay.Core.Smtp.Adapters;

public enum IamAccessKeyStatus
{
    Active,
    Inactive,
}
