# kagi as a container: the Native AOT binary built in one stage, run from a small base image in the next.
#   docker build -t kagi .
#   docker run --rm -v "$PWD:/scan:ro" kagi scan iac /scan
#   docker run --rm -e AWS_PROFILE -v "$HOME/.aws:/home/app/.aws:ro" kagi scan aws --all-regions
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clang zlib1g-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Kagi.Cli -c Release -r linux-x64 -p:PublishAot=true -o /out

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
COPY --from=build /out/kagi /out/libe_sqlite3.so /usr/local/bin/
# The store defaults to ~/.kagi; run as the image's non-root user, whose home is writable.
USER app
WORKDIR /home/app
ENTRYPOINT ["/usr/local/bin/kagi"]
CMD ["--help"]
