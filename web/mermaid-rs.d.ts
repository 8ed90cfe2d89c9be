// Types of the mermaid-rs drop-in script (mermaid-rs.js), a stand-in for mermaid.js's page API.

export interface DropInConfig {
  /** Render every `.mermaid` element when the page has loaded (default true). */
  startOnLoad?: boolean;
  /** A Mermaid theme: "default", "dark", "forest", "neutral" or "base". */
  theme?: string;
  /** A CSS colour painted behind each diagram. */
  background?: string;
  /** Anything else is passed as the Mermaid configuration object (themeVariables, flowchart, fontSize, ...). */
  [key: string]: unknown;
}

export interface RunOptions {
  /** CSS selector of the elements to render (default ".mermaid"). */
  querySelector?: string;
  /** The elements to render, instead of querySelector. */
  nodes?: ArrayLike<Element>;
  /** Resolve even when some diagrams failed (their errors are still shown in place). */
  suppressErrors?: boolean;
}

/** An error with its place in the source. */
export interface DiagramError extends Error {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  hint: string | null;
}

export function load(wasm?: string | URL | Response | BufferSource): Promise<unknown>;
export function initialize(config?: DropInConfig): void;
export function run(options?: RunOptions): Promise<void>;
export function render(id: string, text: string): Promise<{ svg: string; diagramType: string | null }>;
export function parse(text: string, options?: { suppressErrors?: boolean }): Promise<boolean>;
export function version(): string;

declare const mermaid: {
  load: typeof load;
  initialize: typeof initialize;
  run: typeof run;
  render: typeof render;
  parse: typeof parse;
  version: typeof version;
};
export default mermaid;
