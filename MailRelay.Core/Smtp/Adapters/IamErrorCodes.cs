namespace MailRelay.Core.Smtp.Adapters;

/// <summary>The IAM error codes provisioning reacts to (IAM API reference, "Common Errors" and each action's "Errors").</summary>
public static class IamErrorCodes
{
    public const string EntityAlreadyExists = "EntityAlreadyExists";
    public const string NoSuchEntity = "NoSuchEntity";
    public const string LimitExceeded = "LimitExceeded";
    public const string Throttling = "Throttling";
    public const string ConcurrentModification = "ConcurrentModification";
    public const string ServiceFailure = "ServiceFailure";
    public const string DeleteConflict = "DeleteConflict";
    public const string MalformedPolicyDocument = "MalformedPolicyDocument";
}
