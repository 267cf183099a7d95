namespace PropertyHub.Features.Notices;

/// <summary>Why a delivery failed, in words an office can act on; read from the stored <see cref="Notice.LastError"/>.</summary>
public enum NoticeFailure
{
    /// <summary>No connection to the e-mail server or SMS gateway (refused, unknown host, no route).</summary>
    Unreachable,
    /// <summary>The server or gateway did not answer in time.</summary>
    Timeout,
    /// <summary>The address or phone number was refused or is not valid.</summary>
    AddressRejected,
    /// <summary>The server or gateway refused the product's login or key.</summary>
    LoginRefused,
    /// <summary>The server or gateway answered with an error of its own.</summary>
    GatewayError,
    /// <summary>No server or gateway is configured for the channel.</summary>
    NotConfigured,
    /// <summary>Anything else.</summary>
    Other,
}

public static class NoticeFailures
{
    /// <summary>Classifies a stored delivery error ("TypeName: message"); null when there is none.</summary>
    public static NoticeFailure? Classify(string? lastError)
    {
        if (string.IsNullOrWhiteSpace(lastError))
            return null;
        var e = lastError;
        if (Has(e, "No SMS gateway is configured", "No sender for channel"))
            return NoticeFailure.NotConfigured;
        if (Has(e, "TimeoutException", "timed out", "did not answer within", "TaskCanceledException", "OperationCanceledException"))
            return NoticeFailure.Timeout;
        if (Has(e, "AuthenticationException", "535", "answered 401", "answered 403", "Unauthorized", "Forbidden"))
            return NoticeFailure.LoginRefused;
        if (Has(e, "ParseException", "Mailbox unavailable", "mailbox", "recipient", "User unknown", " 550", " 553", "RecipientNotAccepted",
                "has no e-mail address", "has no phone number", "answered 400", "answered 422"))
            return NoticeFailure.AddressRejected;
        if (Has(e, "SocketException", "Connection refused", "No such host", "Name or service not known", "Network is unreachable",
                "No route to host", "Connection reset", "ServiceNotConnected", "Name does not resolve"))
            return NoticeFailure.Unreachable;
        if (Has(e, "answered ", "SmtpCommandException", "SmtpProtocolException", "HttpRequestException"))
            return NoticeFailure.GatewayError;
        return NoticeFailure.Other;
    }

    private static bool Has(string error, params string[] marks) =>
        marks.Any(m => error.Contains(m, StringComparison.OrdinalIgnoreCase));
}
