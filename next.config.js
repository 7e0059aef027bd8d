// Next.js configuration of the browser workbench (app/).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // PGlite loads its wasm and data files from its own package folder at run time (db/client.ts); bundled, those
  // paths break. Keep it (and pg, which has optional native bindings) as plain Node requires on the server.
  // esbuild (bundles the isolated child that re-runs challenge submissions, workers/node/isolated-bundle.ts) starts
  // its platform binary from its package folder, which it cannot find from inside a bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'esbuild'],
};

export default nextConfig;
