using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MlaFlow.Gateway.Apis;
using MlaFlow.Gateway.Problems;
using MlaFlow.Gateway.Security;
using MlaFlow.Grains.Serialization;
using MlaFlow.Plugins.Sdk;

namespace MlaFlow.Gateway;

public static class GatewayExtensions
{
    /// <summary>Adds the API's services: JSON conventions, problem details, bearer tokens, policies and OpenAPI.</summary>
    public static IServiceCollection AddMlaFlowGateway(this IServiceCollection services, TokenSettings tokens, IReadOnlySet<AuthorityId> servedAuthorities)
    {
        services.AddSingleton(tokens);
        services.AddSingleton<TokenIssuer>();
        services.ConfigureHttpJsonOptions(options => MlaFlowJson.Configure(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = tokens.ValidationParameters;
        });
        services.AddAuthorization(options => Policies.Add(options, servedAuthorities));
        services.AddOpenApi();
        return services;
    }

    /// <summary>Maps the API: <c>/api/v1/…</c>, the node-to-node <c>/exchange/v1/…</c>, <c>/health</c> and <c>/openapi/v1.json</c>.</summary>
    public static WebApplication UseMlaFlowGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapRequestsApi();
        app.MapRequestFilesApi();
        app.MapPluginsApi();
        app.MapTasksApi();
        app.MapMigrationsApi();
        app.MapExchangeApi();
        return app;
    }
}
