# syntax=docker/dockerfile:1
#
# One image recipe for the three Node apps. Pick the app with --target:
#   docker build -f infra/docker/node.Dockerfile --target api    -t handoff-api .
#   docker build -f infra/docker/node.Dockerfile --target worker -t handoff-worker .
#   docker build -f infra/docker/node.Dockerfile --target web    -t handoff-web .
# The build context is the repository root (see .dockerignore).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
# base: Node + pnpm (the version pinned in package.json "packageManager")
FROM ${NODE_IMAGE} AS base
ENV CI=true \
    PNPM_STORE_DIR=/pnpm/store \
    npm_config_update_notifier=false
RUN npm i -g pnpm@10.34.9 && npm cache clean --force
WORKDIR /app

# ---------------------------------------------------------------------------
# manifests: only what `pnpm install` reads (lockfile, workspace file, .npmrc,
# every package.json, patches/). Copying the whole tree and deleting the rest
# keeps new packages/* picked up automatically; the stage's output only changes
# when a manifest changes, so the install layers below stay cached across
# source edits.
FROM base AS manifests
COPY . .
RUN find . -mindepth 1 -type f \
        ! -name package.json ! -name pnpm-lock.yaml ! -name pnpm-workspace.yaml \
        ! -name .npmrc ! -path './patches/*' -delete \
 && find . -mindepth 1 -depth -type d -empty -delete

# ---------------------------------------------------------------------------
# deps: full install (dev dependencies included), used to build the web app
FROM base AS deps
COPY --from=manifests /app ./
RUN --mount=type=cache,id=handoff-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir "$PNPM_STORE_DIR"

# prod-deps: runtime dependencies of every workspace package (api, worker)
FROM base AS prod-deps
COPY --from=manifests /app ./
RUN --mount=type=cache,id=handoff-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prod --store-dir "$PNPM_STORE_DIR"

# web-prod-deps: runtime dependencies of the web app only
FROM base AS web-prod-deps
COPY --from=manifests /app ./
RUN --mount=type=cache,id=handoff-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --prod --filter "@handoff/web..." --store-dir "$PNPM_STORE_DIR"

# ---------------------------------------------------------------------------
# web-build: SvelteKit (adapter-node) -> apps/web/build
FROM deps AS web-build
# Only $env/static/public values are baked in at build time; everything else is read at runtime.
ARG PUBLIC_APP_URL=http://localhost:3000
ENV PUBLIC_APP_URL=${PUBLIC_APP_URL}
COPY . .
RUN pnpm --filter @handoff/web build

# ---------------------------------------------------------------------------
# runtime: shared by api and worker. Packages export TypeScript source and run
# through tsx, so the image holds the source plus production node_modules.
# Files stay owned by root; the processes run as the unprivileged `node` user.
FROM base AS runtime
ENV NODE_ENV=production
COPY --from=prod-deps /app ./
COPY . .

# ---------------------------------------------------------------------------
FROM runtime AS api
# `pnpm db:migrate` is a root script calling `tsx`, a root devDependency that a
# --prod install leaves out; the api's own tsx (a dependency) serves instead.
ENV HOST=0.0.0.0 \
    PORT=4000 \
    PATH=/app/apps/api/node_modules/.bin:$PATH
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Migrate, then replace the shell with node so SIGTERM reaches the server.
CMD ["sh", "-c", "pnpm db:migrate && cd apps/api && exec node --import tsx src/server.ts"]

# ---------------------------------------------------------------------------
FROM runtime AS worker
WORKDIR /app/apps/worker
ENV PATH=/app/apps/worker/node_modules/.bin:$PATH
USER node
# No HTTP port: the container is as healthy as its process (restart policy in compose).
CMD ["node", "--import", "tsx", "src/main.ts"]

# ---------------------------------------------------------------------------
FROM base AS web
# BODY_SIZE_LIMIT: logo uploads are up to 1 MB; adapter-node refuses bodies over 512 KB by default.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    BODY_SIZE_LIMIT=2M
COPY --from=web-prod-deps /app ./
COPY --from=web-build /app/apps/web/build ./apps/web/build
WORKDIR /app/apps/web
USER node
EXPOSE 3000
# Any answer below 500 means the server is up (a page may redirect to sign-in).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/',{redirect:'manual'}).then(r=>process.exit(r.status<500?0:1),()=>process.exit(1))"]
CMD ["node", "build"]
