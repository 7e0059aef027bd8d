// Next.js configuration of the browser workbench (app/).
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // PGlite loads its wasm and data files from its own package folder at run time (db/client.ts); bundled, those
  // paths break. Keep it (and pg, which has optional native bindings) as plain Node requires on the server.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
};

export default nextConfig;
