# One image for plaint-api and plaint-worker (docker-compose.yml picks the command).
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are allowed per package in package.json ("allowScripts").
COPY scripts/patch-dependencies.mjs scripts/
RUN npm ci --omit=dev --no-audit --no-fund && node scripts/patch-dependencies.mjs && npm cache clean --force
COPY . .
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "api/main.ts"]
