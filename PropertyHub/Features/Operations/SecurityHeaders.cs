namespace PropertyHub.Features.Operations;

/// <summary>Headers that keep the app out of frames and stop content sniffing and foreign scripts.</summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Policy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
        "connect-src 'self' ws: wss:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // Hangfire's dashboard ships inline scripts of its own; everything else runs under the strict policy.
        if (!context.Request.Path.StartsWithSegments("/jobs"))
            headers.ContentSecurityPolicy = Policy;
        return next(context);
    }
}
