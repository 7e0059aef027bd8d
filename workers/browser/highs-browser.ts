/**
 * HiGHS for runs in the browser's simulation worker: `loadBrowserMipSolver()` gives the MipSolver to pass as the
 * run option `mipSolver`.
 *
 * Both files come from this server (app/vendor/highs/[file]/route.ts), never a CDN. The loader module is imported
 * at run time past the bundler (see the route for why it cannot be bundled), and highs.wasm is fetched and
 * compiled here, then handed to the loader as `wasmModule`, so nothing depends on where the loader thinks it is.
 *
 * Call it at the top of the worker, before `lockDownWorkerScope()`: it takes hold of `fetch` at once and starts
 * both downloads, so the policy sandbox can remove `fetch` from the worker right after. The runtime itself starts
 * later, from the compiled module (Emscripten's instantiateWasm hook), so it needs no network of its own. A page with a CSP that
 * forbids the worker's fetches can compile the wasm itself and post the WebAssembly.Module (it is cloneable):
 * pass it as `wasmModule`.
 */
import type { Highs } from 'highs';
import type { MipSolver } from '../../engine/vm';
import { createMipSolver, type HighsSolveDefaults } from '../mip-solver';

/** Where the route serves highs.mjs and highs.wasm. */
export const HIGHS_ASSET_PATH = '/vendor/highs/';

/**
 * The Emscripten loader's options this file uses. `instantiateWasm` is Emscripten's hook for supplying the module
 * ourselves: highs 1.15.3 declares `wasmModule` in its types but its build never reads it, and then reads
 * highs.wasm with a synchronous XMLHttpRequest when the runtime starts, after the sandbox has removed
 * XMLHttpRequest (a browser run aborted with "XMLHttpRequest is not available"). `wasmModule` is passed as well, for
 * a build that does read it.
 */
type HighsLoader = (options: {
  wasmModule?: WebAssembly.Module;
  instantiateWasm: (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) => object;
}) => Promise<Highs>;

/** The loader's options that instantiate the already compiled module: no download when the runtime starts. */
function fromCompiled(wasmModule: WebAssembly.Module): Parameters<HighsLoader>[0] {
  return {
    wasmModule,
    instantiateWasm: (imports, receive) => {
      void WebAssembly.instantiate(wasmModule, imports).then(receive);
      // Emscripten expects the exports object or {} when instantiation is asynchronous.
      return {};
    },
  };
}

export interface BrowserHighsSource {
  /** Base URL of highs.mjs and highs.wasm (default HIGHS_ASSET_PATH on the worker's origin). */
  readonly baseUrl?: string | URL;
  /** highs.wasm already compiled (by the page, for example); skips the wasm download. */
  readonly wasmModule?: WebAssembly.Module;
  /** Imports the loader module (default: a dynamic import the bundler leaves alone). Tests pass `import('highs')`. */
  readonly importLoader?: (url: string) => Promise<{ readonly default: HighsLoader }>;
  /** Fetches the wasm (default: the worker's fetch, taken now, before the sandbox removes it). */
  readonly fetch?: (url: string) => Promise<Response>;
}

const importPastBundler = (url: string): Promise<{ readonly default: HighsLoader }> =>
  import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url);

/** Loads HiGHS in a Web Worker and returns a synchronous MipSolver over it. */
export function loadBrowserMipSolver(source: BrowserHighsSource = {}, defaults: HighsSolveDefaults = {}): Promise<MipSolver> {
  const origin = typeof location === 'undefined' ? undefined : location.href;
  const base = new URL(source.baseUrl ?? HIGHS_ASSET_PATH, origin);
  // Both requests start synchronously, in this call: later the worker may have no fetch at all.
  const loader = (source.importLoader ?? importPastBundler)(new URL('highs.mjs', base).href);
  let wasm: Promise<WebAssembly.Module>;
  if (source.wasmModule) {
    wasm = Promise.resolve(source.wasmModule);
  } else {
    const fetchWasm = source.fetch ?? globalThis.fetch.bind(globalThis);
    const url = new URL('highs.wasm', base).href;
    wasm = fetchWasm(url).then(async (response) => {
      if (!response.ok) throw new Error(`could not load the MIP solver: GET ${url} answered ${response.status}`);
      return WebAssembly.compile(await response.arrayBuffer());
    });
  }
  // Keep an early failure of either from surfacing as an unhandled rejection before both are awaited.
  loader.catch(() => undefined);
  wasm.catch(() => undefined);
  return Promise.all([loader, wasm]).then(([module, wasmModule]) => createMipSolver(() => module.default(fromCompiled(wasmModule)), defaults));
}
