using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Postmortem.Web.Tests;

/// <summary>
/// A minimal OpenID Connect provider on loopback for the sign-in tests: a discovery document, a JWKS with one RSA
/// key, an authorize endpoint that remembers the request and sends the browser back with a code, and a token
/// endpoint that checks the code, the client, the redirect and the PKCE verifier before it returns a signed id_token.
/// </summary>
internal sealed class FakeProvider : IAsyncDisposable
{
    public const string ClientId = "postmortem-web";
    public const string ClientSecret = "client-secret-for-tests";

    private readonly RSA rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> codes = new();
    private WebApplication? app;

    /// <summary>The issuer (and the authority the app is given).</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>The claims of the user who signs in next, besides iss, aud, sub, nonce and the times.</summary>
    public Dictionary<string, object> User { get; } = [];

    /// <summary>Every authorize request's query, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Authorizations { get; } = new();

    /// <summary>What the token endpoint refused, if anything (asserted empty by the tests).</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Whether the id_token is signed with a key the JWKS does not publish (a forged token).</summary>
    public bool SignWithUnknownKey { get; set; }

    public static async Task<FakeProvider> StartAsync()
    {
        var provider = new FakeProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        provider.app = app;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Issuer,
            ["authorization_endpoint"] = provider.Issuer + "/authorize",
            ["token_endpoint"] = provider.Issuer + "/token",
            ["jwks_uri"] = provider.Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var p = provider.rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            provider.Authorizations.Enqueue(query);
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            provider.codes[code] = query;
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"])}");
        });
        app.MapPost("/token", async (HttpRequest request) => Results.Json(provider.Token(await request.ReadFormAsync().ConfigureAwait(false))));
        await app.StartAsync().ConfigureAwait(false);
        provider.Issuer = app.Urls.First();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }

        rsa.Dispose();
    }

    private object Token(IFormCollection form)
    {
        if (!codes.TryRemove(form["code"].ToString(), out var authorization))
        {
            Violations.Enqueue("unknown or reused code");
            return new { error = "invalid_grant" };
        }

        Check(form["grant_type"] == "authorization_code", "grant_type");
        Check(form["redirect_uri"] == authorization["redirect_uri"], "redirect_uri differs from the authorize request's");
        Check(form["client_id"] == ClientId && form["client_secret"] == ClientSecret, "client credentials");
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        Check(authorization.GetValueOrDefault("code_challenge_method") == "S256" && authorization.GetValueOrDefault("code_challenge") == challenge, "PKCE verifier does not match the challenge");

        var claims = new Dictionary<string, object>(User) { ["nonce"] = authorization["nonce"] };
        claims.TryAdd("sub", "user-1");
        using var signer = RSA.Create(2048);
        var key = SignWithUnknownKey ? new RsaSecurityKey(signer) { KeyId = "test-key" } : new RsaSecurityKey(rsa) { KeyId = "test-key" };
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        return new { access_token = "access-" + Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = token };
    }

    private void Check(bool ok, string what)
    {
        if (!ok)
        {
            Violations.Enqueue(what);
        }
    }
}
