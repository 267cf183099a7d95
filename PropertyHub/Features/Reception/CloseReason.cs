namespace PropertyHub.Features.Reception;

/// <summary>Why an item closes without a reply to the caller: chosen from this list, never left blank.</summary>
public enum CloseReason
{
    /// <summary>The same matter is already an item in the queue.</summary>
    Duplicate,
    /// <summary>The caller withdrew it (已撤回).</summary>
    Withdrawn,
    /// <summary>Not a matter for the management office (e.g. a utility's or the police's).</summary>
    NotOurMatter,
    /// <summary>The caller could not be reached after the attempts the standard asks for.</summary>
    Unreachable,
    /// <summary>Any other reason, written in the remark.</summary>
    Other,
}
