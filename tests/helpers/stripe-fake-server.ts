import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/*
 * A stand-in for the parts of Stripe's API that Pasar Mandiri uses, for tests without a network.
 * It speaks the wire format the `stripe` package speaks (form-encoded POST bodies, JSON answers,
 * Stripe's error envelope), keeps Stripe's idempotency rules (the first answer to a key is replayed,
 * a key reused with other parameters is refused), records every request, and builds and signs
 * webhook events the way Stripe does. It is not Stripe: amounts, limits and payment methods beyond
 * what is checked here are only exercised against the real API.
 */

export type JsonObject = { [key: string]: unknown };
/** A parsed form body: nested objects and arrays of strings, as `line_items[0][quantity]=2` means. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

export interface RecordedStripeRequest {
  method: string;
  /** The path without the query string, e.g. `/v1/checkout/sessions`. */
  path: string;
  headers: http.IncomingHttpHeaders;
  idempotencyKey: string | null;
  rawBody: string;
  /** Flat form fields exactly as sent: `{ "line_items[0][price_data][currency]": "idr", ... }`. */
  form: Record<string, string>;
  /** The same fields nested: `body.line_items[0].price_data.currency`. */
  body: { [key: string]: FormValue };
  status: number;
  /** True when the answer was the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

export interface StripeFakeServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Where session `url`s point; defaults to this server's own `/pay` page. */
  checkoutUrlBase?: string;
  /** The secret `signedEvent` and the `/__fake/events` endpoint sign with. */
  webhookSecret?: string;
}

export type SimulatedEvent =
  | { type: "checkout.session.completed"; sessionId: string; paymentStatus?: "paid" | "unpaid" }
  | { type: "checkout.session.async_payment_succeeded"; sessionId: string }
  | { type: "checkout.session.async_payment_failed"; sessionId: string }
  | { type: "checkout.session.expired"; sessionId: string }
  | { type: "payment_intent.payment_failed"; sessionId: string; failureMessage?: string }
  | { type: "charge.refunded"; paymentIntentId: string };

export interface SignedEvent {
  event: JsonObject;
  /** The exact body to POST to the webhook route. */
  payload: string;
  /** The `Stripe-Signature` header value for that body. */
  header: string;
}

// ---------------------------------------------------------------- ids, events, signatures

function fakeId(prefix: string): string {
  return `${prefix}_test_${randomBytes(12).toString("base64url").replace(/[-_]/g, "0")}`;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** A Stripe event envelope around `object`, as delivered to webhook endpoints. */
export function buildEvent(type: string, object: JsonObject, options: { id?: string; created?: number } = {}): JsonObject {
  return {
    id: options.id ?? fakeId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: options.created ?? nowSeconds(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** Serialises and signs an event like Stripe does (`t=<seconds>,v1=<hmac>`). */
export function signEvent(event: JsonObject, secret: string, options: { timestamp?: number } = {}): SignedEvent {
  const payload = JSON.stringify(event, null, 2);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: options.timestamp });
  return { event, payload, header };
}

/** `buildEvent` and `signEvent` in one step. `timestamp` (seconds) backdates the signature. */
export function signedEvent(
  type: string,
  object: JsonObject,
  secret: string,
  options: { id?: string; timestamp?: number } = {},
): SignedEvent {
  return signEvent(buildEvent(type, object, { id: options.id }), secret, { timestamp: options.timestamp });
}

// ---------------------------------------------------------------- realistic objects

export interface FakeCheckoutSessionFields {
  id?: string;
  amountIdr: number;
  currency?: string;
  paymentId?: string;
  orderNumber?: string;
  status?: "open" | "complete" | "expired";
  paymentStatus?: "paid" | "unpaid" | "no_payment_required";
  paymentIntentId?: string | null;
  successUrl?: string;
  cancelUrl?: string;
  url?: string | null;
  customerEmail?: string | null;
  expiresAt?: number;
}

/** A Checkout Session object in payment mode, shaped like the API's (the fields we read and their neighbours). */
export function fakeCheckoutSession(fields: FakeCheckoutSessionFields): JsonObject {
  const id = fields.id ?? fakeId("cs");
  const created = nowSeconds();
  const metadata: Record<string, string> = {};
  if (fields.paymentId) metadata.paymentId = fields.paymentId;
  if (fields.orderNumber) metadata.orderNumber = fields.orderNumber;
  const status = fields.status ?? "open";
  const amount = fields.amountIdr * 100;
  return {
    id,
    object: "checkout.session",
    amount_subtotal: amount,
    amount_total: amount,
    cancel_url: fields.cancelUrl ?? "http://127.0.0.1:3000/checkout/batal",
    client_reference_id: fields.paymentId ?? null,
    created,
    currency: fields.currency ?? "idr",
    customer: null,
    customer_details: status === "complete" ? { email: fields.customerEmail ?? "pembeli@example.com", name: null } : null,
    customer_email: fields.customerEmail ?? null,
    expires_at: fields.expiresAt ?? created + 24 * 60 * 60,
    livemode: false,
    locale: "id",
    metadata,
    mode: "payment",
    payment_intent: fields.paymentIntentId ?? null,
    payment_method_types: ["card"],
    payment_status: fields.paymentStatus ?? (status === "complete" ? "paid" : "unpaid"),
    status,
    success_url: fields.successUrl ?? "http://127.0.0.1:3000/checkout/berhasil?session_id={CHECKOUT_SESSION_ID}",
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: status === "open" ? (fields.url ?? `https://checkout.stripe.com/c/pay/${id}`) : null,
  };
}

export interface FakePaymentIntentFields {
  id?: string;
  amountIdr: number;
  paymentId?: string;
  orderNumber?: string;
  status?: "requires_payment_method" | "processing" | "succeeded" | "canceled";
  failureMessage?: string | null;
}

export function fakePaymentIntent(fields: FakePaymentIntentFields): JsonObject {
  const metadata: Record<string, string> = {};
  if (fields.paymentId) metadata.paymentId = fields.paymentId;
  if (fields.orderNumber) metadata.orderNumber = fields.orderNumber;
  const failed = fields.failureMessage != null;
  return {
    id: fields.id ?? fakeId("pi"),
    object: "payment_intent",
    amount: fields.amountIdr * 100,
    amount_received: fields.status === "succeeded" ? fields.amountIdr * 100 : 0,
    capture_method: "automatic_async",
    created: nowSeconds(),
    currency: "idr",
    last_payment_error: failed
      ? { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: fields.failureMessage }
      : null,
    latest_charge: null,
    livemode: false,
    metadata,
    payment_method_types: ["card"],
    status: fields.status ?? (failed ? "requires_payment_method" : "succeeded"),
  };
}

export interface FakeChargeFields {
  id?: string;
  paymentIntentId: string | null;
  amountIdr: number;
  /** Cumulative refunded amount. */
  amountRefundedIdr: number;
  paymentId?: string;
  currency?: string;
}

export function fakeCharge(fields: FakeChargeFields): JsonObject {
  const metadata: Record<string, string> = {};
  if (fields.paymentId) metadata.paymentId = fields.paymentId;
  return {
    id: fields.id ?? fakeId("ch"),
    object: "charge",
    amount: fields.amountIdr * 100,
    amount_captured: fields.amountIdr * 100,
    amount_refunded: fields.amountRefundedIdr * 100,
    captured: true,
    created: nowSeconds(),
    currency: fields.currency ?? "idr",
    livemode: false,
    metadata,
    paid: true,
    payment_intent: fields.paymentIntentId,
    refunded: fields.amountRefundedIdr >= fields.amountIdr,
    status: "succeeded",
  };
}

/** Event payloads for each event type the adapter understands. */
export const eventPayloads = {
  checkoutSessionCompleted: (fields: FakeCheckoutSessionFields) =>
    buildEvent("checkout.session.completed", fakeCheckoutSession({ status: "complete", paymentStatus: "paid", ...fields })),
  checkoutSessionAsyncPaymentSucceeded: (fields: FakeCheckoutSessionFields) =>
    buildEvent("checkout.session.async_payment_succeeded", fakeCheckoutSession({ status: "complete", paymentStatus: "paid", ...fields })),
  checkoutSessionAsyncPaymentFailed: (fields: FakeCheckoutSessionFields) =>
    buildEvent("checkout.session.async_payment_failed", fakeCheckoutSession({ status: "complete", paymentStatus: "unpaid", ...fields })),
  checkoutSessionExpired: (fields: FakeCheckoutSessionFields) =>
    buildEvent("checkout.session.expired", fakeCheckoutSession({ status: "expired", paymentStatus: "unpaid", ...fields })),
  paymentIntentPaymentFailed: (fields: FakePaymentIntentFields) =>
    buildEvent("payment_intent.payment_failed", fakePaymentIntent({ failureMessage: "Your card was declined.", ...fields })),
  chargeRefunded: (fields: FakeChargeFields) => buildEvent("charge.refunded", fakeCharge(fields)),
};

// ---------------------------------------------------------------- form bodies

/** Parses `a[b][0][c]=v` pairs into nested objects, turning objects keyed 0..n-1 into arrays. */
export function parseStripeForm(rawBody: string): { form: Record<string, string>; body: { [key: string]: FormValue } } {
  const form: Record<string, string> = {};
  const root: { [key: string]: FormValue } = {};
  for (const [key, value] of new URLSearchParams(rawBody)) {
    form[key] = value;
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== "");
    let node: { [key: string]: FormValue } = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) {
        node[part] = value;
        return;
      }
      const next = node[part];
      if (typeof next !== "object" || next === null) node[part] = {};
      node = node[part] as { [key: string]: FormValue };
    });
  }
  return { form, body: arraysFromIndexedObjects(root) as { [key: string]: FormValue } };
}

function arraysFromIndexedObjects(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, arraysFromIndexedObjects(v)] as const);
  // Integer-like keys come first and in ascending order, so 0..n-1 means a list.
  const isList = entries.length > 0 && entries.every(([k], i) => k === String(i));
  return isList ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}

// ---------------------------------------------------------------- the server

class StripeApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly type: string,
    message: string,
    public readonly param?: string,
    public readonly code?: string,
  ) {
    super(message);
  }

  toJson(): JsonObject {
    return { error: { type: this.type, message: this.message, ...(this.param ? { param: this.param } : {}), ...(this.code ? { code: this.code } : {}) } };
  }
}

function invalid(message: string, param?: string, code = "parameter_invalid"): StripeApiError {
  return new StripeApiError(400, "invalid_request_error", message, param, code);
}

function asString(value: FormValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function asInteger(value: FormValue | undefined, param: string): number {
  const text = asString(value);
  if (text === undefined || !/^-?\d+$/.test(text)) throw invalid(`Invalid integer: ${String(text)}`, param, "parameter_invalid_integer");
  return Number(text);
}

function stringRecord(value: FormValue | undefined): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw invalid("Invalid hash", "metadata");
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface StoredIdempotentResponse {
  method: string;
  path: string;
  rawBody: string;
  status: number;
  json: JsonObject;
}

interface FakePaymentIntentState {
  id: string;
  sessionId: string;
  amountIdr: number;
  chargeId: string;
  metadata: Record<string, string>;
}

export class StripeFakeServer {
  readonly requests: RecordedStripeRequest[] = [];
  readonly sessions = new Map<string, JsonObject>();
  readonly refunds: JsonObject[] = [];
  readonly webhookSecret: string;
  private readonly paymentIntents = new Map<string, FakePaymentIntentState>();
  /** `payment_intent_data[metadata]` of each session, for the PaymentIntent made when it is paid. */
  private readonly intentMetadata = new Map<string, Record<string, string>>();
  private readonly idempotent = new Map<string, StoredIdempotentResponse>();
  private readonly server: http.Server;
  private dropResponses = 0;
  private listeningPort: number | null = null;

  constructor(private readonly options: StripeFakeServerOptions = {}) {
    this.webhookSecret = options.webhookSecret ?? "whsec_test_fake_server_secret";
    this.server = http.createServer((req, res) => {
      void this.handle(req, res);
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    this.listeningPort = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  get port(): number {
    if (this.listeningPort === null) throw new Error("The Stripe fake server is not started");
    return this.listeningPort;
  }

  /** The value for STRIPE_API_BASE. */
  get url(): string {
    return `http://${this.options.host ?? "127.0.0.1"}:${this.port}`;
  }

  get checkoutUrlBase(): string {
    return this.options.checkoutUrlBase ?? `${this.url}/pay`;
  }

  /** Forgets recorded requests, objects and idempotency keys. */
  reset(): void {
    this.requests.length = 0;
    this.sessions.clear();
    this.refunds.length = 0;
    this.paymentIntents.clear();
    this.intentMetadata.clear();
    this.idempotent.clear();
    this.dropResponses = 0;
  }

  /**
   * The next `count` API requests are carried out (and their answers stored under their idempotency
   * key) but the connection is cut before answering: a lost response, as after a network failure.
   */
  dropNextResponses(count = 1): void {
    this.dropResponses = count;
  }

  /** `signedEvent` with this server's webhook secret by default. */
  signedEvent(type: string, object: JsonObject, secret = this.webhookSecret, options: { timestamp?: number } = {}): SignedEvent {
    return signedEvent(type, object, secret, options);
  }

  /**
   * Moves a session or payment along as the buyer (or the bank) would, and returns the matching
   * webhook event, signed with this server's secret, for the test to deliver.
   */
  simulate(action: SimulatedEvent, secret = this.webhookSecret): SignedEvent {
    if (action.type === "charge.refunded") {
      const intent = this.paymentIntents.get(action.paymentIntentId);
      if (!intent) throw new Error(`No such payment_intent: ${action.paymentIntentId}`);
      const charge = fakeCharge({
        id: intent.chargeId,
        paymentIntentId: intent.id,
        amountIdr: intent.amountIdr,
        amountRefundedIdr: this.refundedIdr(intent.id),
        paymentId: intent.metadata.paymentId,
      });
      return signEvent(buildEvent("charge.refunded", charge), secret);
    }

    const session = this.sessions.get(action.sessionId);
    if (!session) throw new Error(`No such checkout.session: ${action.sessionId}`);
    switch (action.type) {
      case "checkout.session.completed":
        this.ensurePaymentIntent(session);
        Object.assign(session, { status: "complete", payment_status: action.paymentStatus ?? "paid", url: null });
        break;
      case "checkout.session.async_payment_succeeded":
        Object.assign(session, { status: "complete", payment_status: "paid", url: null });
        break;
      case "checkout.session.async_payment_failed":
        Object.assign(session, { status: "complete", payment_status: "unpaid", url: null });
        break;
      case "checkout.session.expired":
        Object.assign(session, { status: "expired", url: null });
        break;
      case "payment_intent.payment_failed": {
        const intent = this.ensurePaymentIntent(session);
        const object = fakePaymentIntent({
          id: intent.id,
          amountIdr: intent.amountIdr,
          paymentId: intent.metadata.paymentId,
          orderNumber: intent.metadata.orderNumber,
          failureMessage: action.failureMessage ?? "Your card was declined.",
        });
        return signEvent(buildEvent(action.type, object), secret);
      }
    }
    return signEvent(buildEvent(action.type, structuredClone(session)), secret);
  }

  private refundedIdr(paymentIntentId: string): number {
    return this.refunds.filter((r) => r.payment_intent === paymentIntentId).reduce((sum, r) => sum + Number(r.amount) / 100, 0);
  }

  private ensurePaymentIntent(session: JsonObject): FakePaymentIntentState {
    const existing = typeof session.payment_intent === "string" ? this.paymentIntents.get(session.payment_intent) : undefined;
    if (existing) return existing;
    const intent: FakePaymentIntentState = {
      id: fakeId("pi"),
      sessionId: String(session.id),
      amountIdr: Number(session.amount_total) / 100,
      chargeId: fakeId("ch"),
      metadata: this.intentMetadata.get(String(session.id)) ?? {},
    };
    this.paymentIntents.set(intent.id, intent);
    session.payment_intent = intent.id;
    return intent;
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";

    try {
      if (url.pathname.startsWith("/pay/")) return this.checkoutPage(url.pathname.slice("/pay/".length), res);
      if (url.pathname.startsWith("/__fake/")) return this.control(method, url.pathname, rawBody, res);
      // Stripe reads GET parameters from the query string, POST parameters from the form body.
      if (url.pathname.startsWith("/v1/")) return this.api(req, method, url.pathname, method === "GET" ? url.search.slice(1) : rawBody, res);
      this.sendJson(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${url.pathname}).` } });
    } catch (error) {
      this.sendJson(res, 500, { error: { type: "api_error", message: error instanceof Error ? error.message : String(error) } });
    }
  }

  private api(req: http.IncomingMessage, method: string, path: string, rawBody: string, res: http.ServerResponse): void {
    const { form, body } = parseStripeForm(rawBody);
    const header = req.headers["idempotency-key"];
    const idempotencyKey = typeof header === "string" ? header : null;
    const record: RecordedStripeRequest = { method, path, headers: req.headers, idempotencyKey, rawBody, form, body, status: 0, replayed: false };
    this.requests.push(record);

    const authorization = req.headers.authorization ?? "";
    if (!/^Bearer (sk|rk)_test_\w+$/.test(authorization)) {
      return this.answer(record, res, 401, new StripeApiError(401, "invalid_request_error", "Invalid API Key provided.").toJson());
    }

    if (method === "POST" && idempotencyKey) {
      const stored = this.idempotent.get(idempotencyKey);
      if (stored) {
        if (stored.method !== method || stored.path !== path || stored.rawBody !== rawBody) {
          const error = new StripeApiError(
            400,
            "idempotency_error",
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          );
          return this.answer(record, res, 400, error.toJson());
        }
        record.replayed = true;
        return this.answer(record, res, stored.status, stored.json, { "Idempotent-Replayed": "true" });
      }
    }

    let json: JsonObject;
    try {
      json = this.route(method, path, body);
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      // Like Stripe, a request refused by validation stores nothing under its key.
      return this.answer(record, res, error.status, error.toJson());
    }
    if (method === "POST" && idempotencyKey) this.idempotent.set(idempotencyKey, { method, path, rawBody, status: 200, json });

    if (this.dropResponses > 0) {
      this.dropResponses -= 1;
      record.status = 0;
      res.socket?.destroy();
      return;
    }
    this.answer(record, res, 200, json);
  }

  private route(method: string, path: string, body: { [key: string]: FormValue }): JsonObject {
    if (method === "POST" && path === "/v1/checkout/sessions") return this.createSession(body);
    if (method === "POST" && path === "/v1/refunds") return this.createRefund(body);
    if (method === "GET" && path === "/v1/refunds") {
      const paymentIntentId = asString(body.payment_intent);
      const data = this.refunds.filter((r) => !paymentIntentId || r.payment_intent === paymentIntentId).map((r) => structuredClone(r));
      return { object: "list", data, has_more: false, url: "/v1/refunds" };
    }
    const sessionMatch = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    if (sessionMatch) {
      const session = this.sessions.get(decodeURIComponent(sessionMatch[1] ?? ""));
      if (!session) throw new StripeApiError(404, "invalid_request_error", `No such checkout.session: '${sessionMatch[1]}'`, "session", "resource_missing");
      if (method === "GET" && !sessionMatch[2]) return structuredClone(session);
      if (method === "POST" && sessionMatch[2]) {
        if (session.status !== "open") {
          throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${String(session.status)}".`);
        }
        Object.assign(session, { status: "expired", url: null });
        return structuredClone(session);
      }
    }
    throw new StripeApiError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  private createSession(body: { [key: string]: FormValue }): JsonObject {
    if (asString(body.mode) !== "payment") throw invalid("This fake only supports mode=payment.", "mode");
    const successUrl = asString(body.success_url);
    if (!successUrl) throw invalid("Missing required param: success_url.", "success_url", "parameter_missing");
    const lineItems = body.line_items;
    if (!Array.isArray(lineItems) || lineItems.length === 0) throw invalid("Missing required param: line_items.", "line_items", "parameter_missing");

    let currency: string | null = null;
    let total = 0;
    lineItems.forEach((item, index) => {
      const param = `line_items[${index}]`;
      if (typeof item !== "object" || Array.isArray(item)) throw invalid("Invalid line item", param);
      const quantity = asInteger(item.quantity, `${param}[quantity]`);
      if (quantity < 1) throw invalid("Quantity must be at least 1.", `${param}[quantity]`);
      const priceData = item.price_data;
      if (typeof priceData !== "object" || Array.isArray(priceData)) throw invalid("This fake needs price_data on every line item.", `${param}[price_data]`);
      const itemCurrency = asString(priceData.currency);
      if (!itemCurrency || itemCurrency !== itemCurrency.toLowerCase()) throw invalid("Invalid currency.", `${param}[price_data][currency]`);
      if (currency && currency !== itemCurrency) throw invalid("All line items must use the same currency.", `${param}[price_data][currency]`);
      currency = itemCurrency;
      const unitAmount = asInteger(priceData.unit_amount, `${param}[price_data][unit_amount]`);
      if (unitAmount < 0) throw invalid("unit_amount must be at least 0.", `${param}[price_data][unit_amount]`);
      const product = priceData.product_data;
      if (typeof product !== "object" || Array.isArray(product) || !asString(product.name)) {
        throw invalid("Missing required param: product_data[name].", `${param}[price_data][product_data][name]`, "parameter_missing");
      }
      total += unitAmount * quantity;
    });

    const created = nowSeconds();
    let expiresAt = created + 24 * 60 * 60;
    if (body.expires_at !== undefined) {
      expiresAt = asInteger(body.expires_at, "expires_at");
      if (expiresAt < created + 30 * 60) throw invalid("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", "expires_at");
      if (expiresAt > created + 24 * 60 * 60) throw invalid("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", "expires_at");
    }

    const id = fakeId("cs");
    const metadata = stringRecord(body.metadata);
    const paymentIntentData = body.payment_intent_data;
    const session: JsonObject = {
      ...fakeCheckoutSession({ id, amountIdr: 0, expiresAt }),
      amount_subtotal: total,
      amount_total: total,
      cancel_url: asString(body.cancel_url) ?? null,
      client_reference_id: asString(body.client_reference_id) ?? null,
      created,
      currency,
      customer_email: asString(body.customer_email) ?? null,
      locale: asString(body.locale) ?? "auto",
      metadata,
      success_url: successUrl,
      url: `${this.checkoutUrlBase}/${id}`,
    };
    this.sessions.set(id, session);
    this.intentMetadata.set(id, typeof paymentIntentData === "object" && !Array.isArray(paymentIntentData) ? stringRecord(paymentIntentData.metadata) : {});
    return structuredClone(session);
  }

  private createRefund(body: { [key: string]: FormValue }): JsonObject {
    const paymentIntentId = asString(body.payment_intent);
    if (!paymentIntentId) throw invalid("Missing required param: payment_intent.", "payment_intent", "parameter_missing");
    const intent = this.paymentIntents.get(paymentIntentId);
    if (!intent) throw new StripeApiError(400, "invalid_request_error", `No such payment_intent: '${paymentIntentId}'`, "payment_intent", "resource_missing");
    const remaining = intent.amountIdr * 100 - this.refundedIdr(intent.id) * 100;
    const amount = body.amount === undefined ? remaining : asInteger(body.amount, "amount");
    if (amount < 1) throw invalid("Refund amount must be positive.", "amount");
    if (amount > remaining) {
      throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, "amount");
    }
    const refund: JsonObject = {
      id: fakeId("re"),
      object: "refund",
      amount,
      balance_transaction: null,
      charge: intent.chargeId,
      created: nowSeconds(),
      currency: "idr",
      metadata: stringRecord(body.metadata),
      payment_intent: intent.id,
      reason: asString(body.reason) ?? null,
      receipt_number: null,
      status: "succeeded",
    };
    this.refunds.push(refund);
    return structuredClone(refund);
  }

  /** Test-only endpoints for a test in another process (the e2e browser tests). */
  private control(method: string, path: string, rawBody: string, res: http.ServerResponse): void {
    if (method === "GET" && path === "/__fake/requests") return this.sendJson(res, 200, { data: this.requests });
    if (method === "GET" && path === "/__fake/sessions") return this.sendJson(res, 200, { data: [...this.sessions.values()] });
    if (method === "POST" && path === "/__fake/reset") {
      this.reset();
      return this.sendJson(res, 200, { ok: true });
    }
    if (method === "POST" && path === "/__fake/events") {
      try {
        return this.sendJson(res, 200, this.simulate(JSON.parse(rawBody) as SimulatedEvent) as unknown as JsonObject);
      } catch (error) {
        return this.sendJson(res, 400, { error: { message: error instanceof Error ? error.message : String(error) } });
      }
    }
    this.sendJson(res, 404, { error: { message: `No fake control endpoint ${method} ${path}` } });
  }

  /** A harmless stand-in for Stripe's hosted page, so a browser redirected to `url` lands somewhere. */
  private checkoutPage(sessionId: string, res: http.ServerResponse): void {
    const session = this.sessions.get(decodeURIComponent(sessionId));
    if (!session) {
      res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      res.end("<!doctype html><title>Not found</title><p>No such Checkout Session.</p>");
      return;
    }
    const successUrl = String(session.success_url).replace("{CHECKOUT_SESSION_ID}", String(session.id));
    const cancelUrl = session.cancel_url ? String(session.cancel_url) : null;
    const amount = Number(session.amount_total) / 100;
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stripe test checkout</title></head><body>` +
        `<h1>Stripe test checkout</h1><p>Session ${escapeHtml(String(session.id))}: ${escapeHtml(String(session.currency).toUpperCase())} ${amount}</p>` +
        `<p><a href="${escapeHtml(successUrl)}">Return to the shop</a></p>` +
        (cancelUrl ? `<p><a href="${escapeHtml(cancelUrl)}">Cancel</a></p>` : "") +
        `</body></html>`,
    );
  }

  private answer(record: RecordedStripeRequest, res: http.ServerResponse, status: number, json: JsonObject, headers: Record<string, string> = {}): void {
    record.status = status;
    this.sendJson(res, status, json, { ...headers, ...(record.idempotencyKey ? { "Idempotency-Key": record.idempotencyKey } : {}) });
  }

  private sendJson(res: http.ServerResponse, status: number, json: JsonObject, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "Content-Type": "application/json", "Request-Id": fakeId("req"), ...headers });
    res.end(JSON.stringify(json));
  }
}

/** Creates and starts a fake. */
export async function startStripeFakeServer(options: StripeFakeServerOptions = {}): Promise<StripeFakeServer> {
  return new StripeFakeServer(options).start();
}
