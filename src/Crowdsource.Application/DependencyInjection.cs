using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Behaviours;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crowdsource.Application;

public static class DependencyInjection
{
    /// <summary>The mediator with its pipeline (logging, validation, eviction of public pages after a command, transaction) and the validators.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator((MediatorOptions options) =>
        {
            options.Namespace = "Crowdsource.Application.Mediator";
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(PublicPagesBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton,
            scan => !Attribute.IsDefined(scan.ValidatorType, typeof(ValidatedByHandlerAttribute)), includeInternalTypes: true);
        services.AddSingleton(TimeProvider.System);
        services.TryAddSingleton<CrowdsourceMetrics>(); // needs IMeterFactory: the host's, or AddMetrics() in AddInfrastructure
        services.TryAddSingleton<IPublicPages, NoPublicPages>(); // the web host registers its output cache instead
        return services;
    }
}
