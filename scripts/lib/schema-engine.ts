// Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm). The native engine that
// the prisma CLI uses is downloaded from a host this machine cannot reach; the Wasm build of
// the same engine talks to Postgres through the `pg` driver adapter instead.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";
import { wholeScriptAdapterFactory } from "./whole-script-adapter";

let loaded: Promise<void> | undefined;

/** Node 20 cannot `import` a .wasm file, so instantiate it by hand and hand it to the JS glue. */
function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
    // The Wasm module imports every glue function from "./schema_engine_bg.js".
    const imports = { "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return loaded;
}

export interface EngineOptions {
  /** Database the engine connects to (it connects on creation, even to diff two schema files). */
  databaseUrl: string;
  /** [path, content] of the Prisma schema files. */
  datamodels: [string, string][];
}

/**
 * Runs `fn` with a schema engine and releases everything afterwards: the engine's Wasm memory
 * and the connection pool (an idle pool would keep the process alive for ~10 s).
 */
export async function withSchemaEngine<T>(options: EngineOptions, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  pool.on("error", () => undefined);
  try {
    const adapterFactory = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapterFactory(pool));
    const engine = await bindings.SchemaEngine.new({ datamodels: options.datamodels }, logEngineEvent, adapterFactory);
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

function logEngineEvent(event: unknown): void {
  if (process.env.FACTMARK_DEBUG_ENGINE) console.error("[schema-engine]", event);
}
