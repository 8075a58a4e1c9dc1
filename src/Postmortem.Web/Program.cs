using Postmortem.Web.Hosting;

WebApp.Build(args).Run();

/// <summary>The web host's entry point; public so that the integration tests can start it (WebApplicationFactory).</summary>
public partial class Program;
