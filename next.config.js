// Next.js configuration of the browser workbench (app/). The web app is the next step; until it exists nothing
// reads this file, and `next` is not yet a dependency.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
};

export default nextConfig;
