namespace MailRelay.Core.Common;

/// <summary>What kind of refusal a <see cref="Failure"/> is: what the caller can do about it, and the status <c>/api</c> answers with.</summary>
public enum FailureKind
{
    /// <summary>The input is wrong in itself (a malformed name, a pattern or action that cannot be, a missing field): other input can work. 400.</summary>
    Invalid,

    /// <summary>The thing acted on does not exist, or not any more (an unknown id, a name not on the list). 404.</summary>
    NotFound,

    /// <summary>
    /// The input is fine but the current state refuses it: a duplicate, a status the action does not apply to,
    /// a record changed meanwhile, or a provider that refused the change. Reloading shows why. 409.
    /// </summary>
    Conflict,

    /// <summary>A service MailRelay depends on (Google's token endpoint) could not be reached or did not answer in time: trying again later can work. 503.</summary>
    Unavailable,
}
