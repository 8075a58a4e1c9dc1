namespace Postmortem.Web.Tests;

/// <summary>The client calls the tests make, each with the test's cancellation token.</summary>
internal static class Http
{
    public static Task<HttpResponseMessage> Get(this HttpClient client, string url) => client.GetAsync(url, TestContext.Current.CancellationToken);

    public static Task<string> Read(this HttpClient client, string url) => client.GetStringAsync(url, TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, HttpContent content) => client.PostAsync(url, content, TestContext.Current.CancellationToken);

    public static Task<string> Text(this HttpResponseMessage response) => response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
}
