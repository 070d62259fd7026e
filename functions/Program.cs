using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using Pipeline.Functions;
using Pipeline.Resilience;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddPipeline(builder.Configuration);
builder.Services.AddReviewPages(builder.Configuration);

// OpenTelemetry to Application Insights, keyless (APPLICATIONINSIGHTS_AUTHENTICATION_STRING = Authorization=AAD;ClientId=…):
// logs, traces and the pipeline's counters (verdicts, retries, poison, pending notices).
if (builder.Configuration[SettingKeys.AppInsightsConnectionString] is { Length: > 0 } appInsights)
{
    var credential = CloudCredentials.For(builder.Configuration, "ApplicationInsights");
    builder.Services.AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .WithMetrics(metrics => metrics.AddMeter(PipelineMetrics.MeterName))
        .UseAzureMonitorExporter(options =>
        {
            options.ConnectionString = appInsights;
            options.Credential = credential;
        });
}

builder.Build().Run();
