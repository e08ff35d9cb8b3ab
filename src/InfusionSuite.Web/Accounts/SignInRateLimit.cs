using System.Globalization;
using System.Threading.RateLimiting;
using InfusionSuite.Web.Pages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Web.Accounts;

/// <summary>
/// ASP.NET Core's rate limiter on <c>POST /signin</c>: at most <see cref="NurseStationOptions.SignInAttemptsPerMinute"/>
/// attempts per client address in a fixed one-minute window; more is answered 429 with <c>Retry-After</c> and the sign-in
/// form saying how long to wait.
/// With the per-client lockout (<see cref="StaffAccountService.SignInAsync"/>) this bounds guessing from one client.
/// </summary>
internal static class SignInRateLimit
{
    public const string PolicyName = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<NurseStationOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(SignInClient.Of(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                var context = rejected.HttpContext;
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

                // A person at the browser gets the sign-in form again with the words, not an empty 429 page.
                await SignInPages.TooManyAttempts(context, seconds).ExecuteAsync(context);
            };
        });
        return services;
    }
}
