# Build: docker build -t propertyhub .
# Run:   docker run -p 8080:8080 -v propertyhub-data:/app/App_Data propertyhub
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props PropertyHub.sln ./
COPY PropertyHub/PropertyHub.csproj PropertyHub/
RUN dotnet restore PropertyHub/PropertyHub.csproj
COPY PropertyHub/ PropertyHub/
RUN dotnet publish PropertyHub/PropertyHub.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false
COPY --from=build /app .
RUN mkdir -p /app/App_Data && chown -R app:app /app/App_Data
USER app
VOLUME /app/App_Data
EXPOSE 8080
# The runtime image has no curl: the app asks itself (CommandLine --health-check, exit 0 when /health/ready is 2xx).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "PropertyHub.dll", "--health-check", "http://localhost:8080/health/ready"]
ENTRYPOINT ["dotnet", "PropertyHub.dll"]
