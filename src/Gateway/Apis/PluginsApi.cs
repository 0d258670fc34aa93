using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MlaFlow.Gateway.Apis.Plugins;
using MlaFlow.Gateway.Problems;
using MlaFlow.Gateway.Security;
using MlaFlow.Plugins.Host;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway.Apis;

/// <summary><c>/api/v1/plugins</c>: the states and procedures this node knows, and what a request to each must contain.</summary>
public static class PluginsApi
{
    public static RouteGroupBuilder MapPluginsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/plugins").WithTags("Plugins").RequireAuthorization(Policies.Reference);
        group.MapGet("/", (PluginCatalog catalog) => TypedResults.Ok(catalog.Plugins.Select(PluginSummary.Of).OrderBy(p => p.Country).ToList()))
            .WithName("ListPlugins");
        group.MapGet("/{country}/forms/{kind}", GetForm).WithName("GetRequestForm");
        return group;
    }

    private static IResult GetForm(string country, string kind, PluginCatalog catalog)
    {
        var errors = new Requests.ValidationErrors();
        var read = new Requests.FieldReader(errors);
        var state = read.Country(country, "country");
        var requestKind = read.Enum<RequestKind>(kind, "kind");
        if (errors.Any)
        {
            return ApiProblems.Invalid(errors.ToDictionary());
        }

        if (catalog.For(state!) is not { } plugin)
        {
            return ApiProblems.NotFound($"No plugin for {state} is loaded on this node.");
        }

        if (!plugin.Forms.TryGetValue(requestKind!.Value, out var form))
        {
            return ApiProblems.NotFound($"{plugin.Manifest.Name} takes no {kind} requests.");
        }

        var manifest = plugin.Manifest;
        return TypedResults.Ok(new RequestFormSummary(
            manifest.Country.Value,
            form.Kind,
            [.. manifest.RequestLanguages.Select(l => l.Value)],
            [.. manifest.LegalBases.Where(b => b.Kinds.Contains(form.Kind)).Select(LegalBasisSummary.Of)],
            manifest.ReciprocityKinds.Contains(form.Kind),
            [.. form.Rules.Select(r => new FormRuleSummary(r.Id, r.Message))]));
    }
}
