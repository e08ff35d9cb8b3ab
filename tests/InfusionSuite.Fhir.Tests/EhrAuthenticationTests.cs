using System.Net.Http.Json;
using System.Text.Json;
using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Authentication;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outbox;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InfusionSuite.Fhir.Tests;

/// <summary>EHR authentication against the test server: static bearer and SMART Backend Services.</summary>
[Collection(FhirServerCollection.Name)]
public sealed class EhrAuthenticationTests(FhirServerFixture server) : IAsyncLifetime
{
    private const string ClientId = "infusionsuite-chairs";

    /// <summary>The chemotherapy administration every session of these tests is part of.</summary>
    private const string AdministrationId = "ma-auth";

    /// <summary>What the sessions refer to is at the EHR before it requires authentication (delivery checks each reference there).</summary>
    public async Task InitializeAsync()
    {
        await server.ResetAsync();
        using var reader = new FhirServerReader(server);
        var record = SimulatedSessions.Normal("auth-chart");
        await reader.HoldAsync(record, Held(record));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("RS384")]
    [InlineData("ES384")]
    public async Task SmartBackendServices_AssertionCarriesTheRightClaimsAndTheTokenIsCachedUntilItExpires(string algorithm)
    {
        using var keys = new SmartKeys(algorithm);
        await RegisterClientAsync(keys, expiresInSeconds: 60);
        await server.Control("require-auth?mode=smart");
        var settings = SmartSettings(keys);
        settings["Fhir:Delivery:Authentication:AssertionLifetime"] = "00:01:00"; // the clock runs ahead of the server's; keep exp within its five minutes
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var harness = new DeliveryHarness(server.FhirBase, settings, time, new IoTime(time)); // the token's times are real time: the I/O clock
        var first = SimulatedSessions.Normal("auth-1-" + algorithm);
        var second = SimulatedSessions.Normal("auth-2-" + algorithm);

        var a = await harness.SettleAsync(harness.Enqueue(first, Held(first)).Id);
        var b = await harness.SettleAsync(harness.Enqueue(second, Held(second)).Id);

        Assert.Equal((OutboxStatus.Sent, OutboxStatus.Sent), (a.Status, b.Status));
        var stats = await server.StatsAsync();
        Assert.Equal(1, stats.GetProperty("token").GetInt32());
        Assert.Equal("Bearer", stats.GetProperty("lastAuthorization").GetString());
        var header = stats.GetProperty("lastAssertion").GetProperty("header");
        var claims = stats.GetProperty("lastAssertion").GetProperty("payload");
        Assert.Equal((algorithm, keys.KeyId, "JWT"), (header.GetProperty("alg").GetString(), header.GetProperty("kid").GetString(), header.GetProperty("typ").GetString()));
        Assert.Equal(ClientId, claims.GetProperty("iss").GetString());
        Assert.Equal(ClientId, claims.GetProperty("sub").GetString());
        Assert.Equal(server.TokenEndpoint.ToString(), claims.GetProperty("aud").GetString());
        Assert.InRange(claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64(), 1, 300);
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("jti").GetString()));

        time.Advance(TimeSpan.FromSeconds(59));
        var stillCached = SimulatedSessions.Normal("auth-cached-" + algorithm);
        await harness.SettleAsync(harness.Enqueue(stillCached, Held(stillCached)).Id);
        Assert.Equal(1, (await server.StatsAsync()).GetProperty("token").GetInt32());

        time.Advance(TimeSpan.FromSeconds(2));
        var third = SimulatedSessions.Normal("auth-3-" + algorithm);
        await harness.SettleAsync(harness.Enqueue(third, Held(third)).Id);
        Assert.Equal(2, (await server.StatsAsync()).GetProperty("token").GetInt32());
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("ES384")]
    public async Task SmartClientAssertion_VerifiesWithThePublicKey(string algorithm)
    {
        using var keys = new SmartKeys(algorithm);
        var options = new EhrAuthenticationOptions { Algorithm = algorithm, PrivateKeyPem = keys.PrivateKeyPem, KeyId = keys.KeyId };
        var now = TimeProvider.System.GetUtcNow();

        var assertion = SmartClientAssertion.Create(ClientId, server.TokenEndpoint, SmartSigningKey.Load(options), now, TimeSpan.FromMinutes(5), "jti-1");

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = keys.PublicSecurityKey(),
            ValidIssuer = ClientId,
            ValidAudience = server.TokenEndpoint.ToString(),
            ValidAlgorithms = [algorithm],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal((ClientId, "jti-1"), (token.Subject, token.Id));
        Assert.Equal(now.AddMinutes(5).ToUnixTimeSeconds(), new DateTimeOffset(token.ValidTo).ToUnixTimeSeconds());

        using var other = new SmartKeys(algorithm);
        var forged = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = other.PublicSecurityKey(),
            ValidIssuer = ClientId,
            ValidAudience = server.TokenEndpoint.ToString(),
        });
        Assert.False(forged.IsValid);
    }

    [Fact]
    public async Task StaticBearerToken_IsSentAndAWrongOneParksWithTheServersAnswer()
    {
        await server.Control("require-auth?mode=static&token=site-token-1");
        using var right = new DeliveryHarness(server.FhirBase, Static("site-token-1"));
        using var wrong = new DeliveryHarness(server.FhirBase, Static("expired-token"));
        var session = SimulatedSessions.Normal("auth-static-1");

        var sent = await right.SettleAsync(right.Enqueue(session, Held(session)).Id);
        var parked = await wrong.SettleAsync(wrong.Enqueue(session, Held(session)).Id);

        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(OutboxStatus.Parked, parked.Status);
        Assert.Equal(401, parked.Attempts.Single().HttpStatus);
        Assert.Equal("Unauthorized", parked.ParkedReason);
    }

    [Fact]
    public async Task SmartClientUnknownToTheEhr_IsRetriedWithTheTokenEndpointsAnswerRecorded()
    {
        using var keys = new SmartKeys("RS384");
        await server.Control("require-auth?mode=smart");
        using var harness = new DeliveryHarness(server.FhirBase, SmartSettings(keys));
        var session = SimulatedSessions.Normal("auth-unknown-1");
        var item = harness.Enqueue(session, Held(session));

        await harness.Dispatcher.DispatchDueAsync(CancellationToken.None);

        var waiting = harness.Outbox[item.Id];
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Contains("invalid_client unknown client", waiting.Attempts.Single().ServerMessage, StringComparison.Ordinal);
    }

    private async Task RegisterClientAsync(SmartKeys keys, int expiresInSeconds)
    {
        using var body = JsonContent.Create(new { clientId = ClientId, jwk = keys.PublicJwk(), expiresIn = expiresInSeconds });
        await server.Control("smart/clients", body);
    }

    private Dictionary<string, string?> SmartSettings(SmartKeys keys) => new(StringComparer.Ordinal)
    {
        ["Fhir:Delivery:Authentication:Mode"] = nameof(EhrAuthenticationMode.SmartBackendServices),
        ["Fhir:Delivery:Authentication:TokenEndpoint"] = server.TokenEndpoint.ToString(),
        ["Fhir:Delivery:Authentication:ClientId"] = ClientId,
        ["Fhir:Delivery:Authentication:Algorithm"] = keys.Algorithm,
        ["Fhir:Delivery:Authentication:PrivateKeyPem"] = keys.PrivateKeyPem,
        ["Fhir:Delivery:Authentication:KeyId"] = keys.KeyId,
    };

    private static SessionFhirContext Held(ScalpCoolingSessionRecord record) =>
        SimulatedSessions.Context(record) with { Administration = EhrReference.ById("MedicationAdministration", AdministrationId) };

    private static Dictionary<string, string?> Static(string token) => new(StringComparer.Ordinal)
    {
        ["Fhir:Delivery:Authentication:Mode"] = nameof(EhrAuthenticationMode.StaticBearer),
        ["Fhir:Delivery:Authentication:BearerToken"] = token,
    };
}
