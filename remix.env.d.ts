/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

export {};

// Loaders and actions return plain data with single fetch; this makes useLoaderData's types match.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
