/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

export {};

// Loaders and actions return plain data with single fetch; this makes useLoaderData's types match.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

// What server.js hands every loader and action (getLoadContext).
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address: the socket's, or the one a trusted proxy reports (TRUST_PROXY). */
    clientIp?: string | null;
  }
}
