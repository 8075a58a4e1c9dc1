using Postmortem.Ingest.Exports.Json;
using Postmortem.Model;

namespace Postmortem.Ingest.Exports.Formats;

/// <summary>GitHub deployments and deployment statuses: REST lists (arrays) and <c>deployment</c> / <c>deployment_status</c> webhooks.</summary>
internal sealed class GitHubDeployments : JsonFormat
{
    // Fields of a deployment at the root (REST list item) and inside webhook payloads.
    private const int Created = 0, Env = 1, Ref = 2, Sha = 3, Task = 4, Description = 5, Creator = 6, State = 7, DeploymentUrl = 8,
        WhDeployCreated = 9, WhDeployEnv = 10, WhDeployRef = 11, WhDeploySha = 12, WhDeployTask = 13, WhDeployDescription = 14, WhDeployCreator = 15,
        WhStatusCreated = 16, WhStatusState = 17, WhStatusDescription = 18, WhStatusCreator = 19, WhStatusEnv = 20;

    public override string Name => "github-deployments";

    public override string Source => "GitHub";

    public override FieldSet Fields { get; } = new(
        "created_at", "environment", "ref", "sha", "task", "description", "creator.login", "state", "deployment_url",
        "deployment.created_at", "deployment.environment", "deployment.ref", "deployment.sha", "deployment.task", "deployment.description", "deployment.creator.login",
        "deployment_status.created_at", "deployment_status.state", "deployment_status.description", "deployment_status.creator.login", "deployment_status.environment");

    public override RecordPath? Match(JsonShape shape)
    {
        if (shape.Root == System.Text.Json.JsonTokenType.StartArray)
        {
            return shape.Has("sha") && shape.Has("environment") && shape.Has("statuses_url") || shape.Has("state") && shape.Has("deployment_url") ? RecordPath.RootArray : null;
        }

        return shape.Has("deployment", "sha") && shape.Has("deployment", "environment") ? RecordPath.Root : null;
    }

    public override void Map(JsonRecord r, ExportSink sink)
    {
        if (r.Has(DeploymentUrl))
        {
            Status(r, sink, Created, State, Description, Creator, Env, null);
        }
        else if (r.Has(Sha))
        {
            Deployment(r, sink, Created, Env, Ref, Sha, Task, Description, Creator);
        }
        else if (r.Has(WhStatusState))
        {
            Status(r, sink, WhStatusCreated, WhStatusState, WhStatusDescription, WhStatusCreator, WhStatusEnv, Describe(r, WhDeployRef, WhDeploySha));
        }
        else
        {
            Deployment(r, sink, WhDeployCreated, WhDeployEnv, WhDeployRef, WhDeploySha, WhDeployTask, WhDeployDescription, WhDeployCreator);
        }
    }

    private static void Deployment(JsonRecord r, ExportSink sink, int created, int env, int reference, int sha, int task, int description, int creator)
    {
        var what = Describe(r, reference, sha);
        var desc = r.String(description);
        var rollback = IsRollback(desc) || IsRollback(r.String(task)) || IsRollback(r.String(reference));
        AddAt(r, sink, created, () => Join(": ", $"Deployment of {what} to {r.String(env)} created" + (r.String(task) is { } t and not "deploy" ? $" ({t})" : string.Empty), desc),
            rollback ? EventKind.Mitigation : EventKind.Change, rollback ? "github deployment (rollback)" : "github deployment", r.String(creator),
            $"deployment {Written(r, created)} {r.String(env)} {r.String(sha)}: {desc}");
    }

    private static void Status(JsonRecord r, ExportSink sink, int created, int state, int description, int creator, int env, string? what)
    {
        var s = r.String(state) ?? "unknown";
        var desc = r.String(description);
        var rollback = IsRollback(desc);
        var kind = s switch
        {
            "success" => rollback ? EventKind.Mitigation : EventKind.Change,
            "failure" or "error" => EventKind.Change,
            _ => EventKind.Other,
        };
        AddAt(r, sink, created, () => Join(": ", $"Deployment{(what is null ? string.Empty : " of " + what)} to {r.String(env) ?? "environment"}: {s}", desc), kind,
            "github deployment_status " + s, r.String(creator), $"deployment_status {s} {Written(r, created)}: {desc}");
    }

    private static string Describe(JsonRecord r, int reference, int sha)
    {
        var full = r.String(sha);
        var shortSha = full is { Length: > 7 } ? full[..7] : full;
        return Join(" ", r.String(reference), shortSha is null ? null : $"({shortSha})");
    }

    private static bool IsRollback(string? text) =>
        text is not null && (text.Contains("rollback", StringComparison.OrdinalIgnoreCase) || text.Contains("roll back", StringComparison.OrdinalIgnoreCase)
            || text.Contains("revert", StringComparison.OrdinalIgnoreCase));
}
