# syntax=docker/dockerfile:1
# The Crowdsource site as a container image, in Production (docker-compose.yml runs it with PostgreSQL and
# .env; see .env.example):
#   docker build -t crowdsource .
#   docker run -p 127.0.0.1:8080:8080 \
#     -e ConnectionStrings__Crowdsource="Host=...;Database=...;Username=...;Password=..." \
#     -e Crowdsource__PublicBaseUrl=https://crowdsource.example/ \
#     -v "$PWD/secrets/dataprotection.pfx:/run/secrets/dataprotection-certificate:ro" \
#     -e DataProtection__CertificatePath=/run/secrets/dataprotection-certificate -e DataProtection__CertificatePassword=... \
#     crowdsource

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the project files alone, so that the package layer stays cached
# until a project file or a package version changes. (name[x] patterns: copied
# when present, skipped when absent.)
COPY global.json Directory.Build.prop[s] Directory.Build.target[s] Directory.Packages.prop[s] nuget.confi[g] .editorconfi[g] ./
COPY src/Crowdsource.Domain/Crowdsource.Domain.csproj src/Crowdsource.Domain/
COPY src/Crowdsource.Application/Crowdsource.Application.csproj src/Crowdsource.Application/
COPY src/Crowdsource.Infrastructure/Crowdsource.Infrastructure.csproj src/Crowdsource.Infrastructure/
COPY src/Crowdsource.Web/Crowdsource.Web.csproj src/Crowdsource.Web/
# ReadyToRun: the site's assemblies are compiled ahead of time for this platform, so a new instance spends about 40 %
# less processor time before it is ready (it still compiles hot paths again at run time). See docs/performance.md.
RUN dotnet restore src/Crowdsource.Web/Crowdsource.Web.csproj --use-current-runtime -p:PublishReadyToRun=true

COPY src/ src/
RUN dotnet publish src/Crowdsource.Web/Crowdsource.Web.csproj -c Release -o /app -p:UseAppHost=false \
    --use-current-runtime --self-contained false -p:PublishReadyToRun=true


FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Files the site writes relative to its working directory (e-mails written to
# .data/mail when no SMTP server is configured) must be writable by its user.
RUN mkdir -p /app/.data/mail && chown -R "$APP_UID" /app/.data

# Production unless told otherwise: no development mailbox, production error pages, HSTS.
ENV ASPNETCORE_ENVIRONMENT=Production
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# APP_UID is the image's non-root "app" user.
USER $APP_UID
ENTRYPOINT ["dotnet", "Crowdsource.Web.dll"]
