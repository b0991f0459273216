# syntax=docker/dockerfile:1
# Build: docker build -t networkbot .
# Run:   docker run -e Discord__Token=... -v networkbot-data:/data networkbot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props NetworkBot.sln ./
COPY src/ src/
COPY config/ config/
RUN dotnet publish src/NetworkBot.Host/NetworkBot.Host.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN ln -s /app/networkbot /usr/local/bin/networkbot \
    && mkdir -p /data && chown app:app /data
USER app
VOLUME ["/data"]
ENV Storage__ConnectionString="Data Source=/data/networkbot.db" \
    Urls="http://0.0.0.0:8080"
EXPOSE 8080
ENTRYPOINT ["networkbot"]
CMD ["run"]
