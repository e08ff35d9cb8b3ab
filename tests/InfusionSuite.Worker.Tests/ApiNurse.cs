using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InfusionSuite.Application.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Worker.Tests;

/// <summary>A nurse using the REST API with an API token, as the station's own script does.</summary>
internal sealed class ApiNurse(HttpClient client) : IDisposable
{
    public static async Task<ApiNurse> SignUpAsync(WorkerHost worker, string userName)
    {
        var accounts = worker.Services.GetRequiredService<IStaffAccounts>();
        var now = DateTimeOffset.UnixEpoch;
        var account = new StaffAccount("user-" + userName, userName, "Nurse " + userName, StaffRole.Nurse, "unused", 0, null, false);
        Assert.True(await accounts.AddAsync(account, new StaffAuditEntry(now, "test", "user-added", userName, string.Empty), Wait.Token()));
        var token = "isk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        await accounts.AddTokenAsync(account.UserId, hash, now, new StaffAuditEntry(now, "test", "token-issued", userName, string.Empty), Wait.Token());
        var client = worker.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiNurse(client);
    }

    public async Task<JsonElement> PostAsync(string path, object? body = null)
    {
        using var response = await client.PostAsJsonAsync(path, body ?? new { }, Wait.Token());
        var text = await response.Content.ReadAsStringAsync(Wait.Token());
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A POST whose refusal the test expects: the status and the body as text.</summary>
    public async Task<(int Status, string Body)> PostRawAsync(string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body, Wait.Token());
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Wait.Token()));
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await client.GetAsync(path, Wait.Token());
        var text = await response.Content.ReadAsStringAsync(Wait.Token());
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => client.Dispose();
}
