import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { CartNotices, type CartNotice } from "~/components/cart-notices";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { getCartView } from "~/models/cart.server";
import { CheckoutError, findDestination, placeOrder, quoteCart } from "~/models/checkout.server";
import { startCardCheckout } from "~/models/card-checkout.server";
import { listChildren, listProvinces } from "~/models/region.server";
import { syncOrderProductsInSearch } from "~/models/product-search.server";
import { checkoutSchema, regionPickSchema } from "~/models/shop-forms.server";
import type { CheckoutForm } from "~/models/shop-forms.server";
import { getCardPaymentProvider } from "~/services/payments/stripe.server";
import { getOptionalUser } from "~/utils/auth.server";
import { findCurrentCartId } from "~/utils/cart-session.server";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { rememberGuestOrder } from "~/utils/guest-orders.server";
import { consumeCheckout } from "~/utils/rate-limit.server";
import { getLocale } from "~/utils/i18n.server";
import { logger } from "~/utils/logger.server";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { billableKilograms } from "~/models/shipping";
import { readFormData } from "~/utils/form-data.server";

type FormMessage = { key: string; values?: Record<string, string> };

/**
 * The page needs a cart with something in it. A cart that changed since it was shown (price, stock)
 * stays here: the page lists the changes with a way back to the cart, and placeOrder refuses it.
 */
async function loadCart(request: Request) {
  const cartId = await findCurrentCartId(request);
  const view = cartId ? await getCartView(prisma, cartId) : null;
  if (!cartId || !view || view.groups.length === 0) throw redirect("/keranjang");
  return { cartId, view };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { view } = await loadCart(request);
  const url = new URL(request.url);
  const pick = regionPickSchema.parse(Object.fromEntries(url.searchParams));
  // A choice only counts when it belongs to the one above it.
  const provinceCode = pick.provinsi ?? pick.kabupaten?.slice(0, 2) ?? pick.kecamatan?.slice(0, 2);
  const regencyCode = pick.kabupaten && pick.kabupaten.startsWith(`${provinceCode}.`) ? pick.kabupaten : pick.kecamatan?.slice(0, 5);
  const [user, provinces, regencies, districts, destination] = await Promise.all([
    getOptionalUser(request),
    listProvinces(prisma),
    provinceCode ? listChildren(provinceCode, prisma) : Promise.resolve([]),
    regencyCode && regencyCode.startsWith(`${provinceCode}.`) ? listChildren(regencyCode, prisma) : Promise.resolve([]),
    pick.kecamatan && pick.kecamatan.startsWith(`${regencyCode}.`) ? findDestination(prisma, pick.kecamatan) : Promise.resolve(null),
  ]);
  const quote = destination ? await quoteCart(prisma, view, destination.provinceCode) : null;
  const card = getCardPaymentProvider();
  const env = getEnv();
  return {
    view,
    provinces,
    regencies,
    districts,
    picked: { provinceCode: provinceCode ?? "", regencyCode: regencyCode ?? "", districtCode: destination?.districtCode ?? "" },
    destination,
    quote,
    prefill: user ? { name: user.name, email: user.email } : null,
    paymentWindowHours: env.ORDER_PAYMENT_WINDOW_HOURS,
    card: card ? { minAmountIdr: card.minAmountIdr } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { cartId, view } = await loadCart(request);
  const user = await getOptionalUser(request);
  const submission = parseWithZod(await readFormData(request), { schema: checkoutSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), message: null as FormMessage | null }, { status: 400 });
  }
  const input = submission.value;
  const env = getEnv();
  const card = getCardPaymentProvider();
  if (input.paymentMethod === "CARD" && !card) {
    return data({ result: submission.reply({ fieldErrors: { paymentMethod: ["shop.methodCardUnavailable"] } }), message: null }, { status: 400 });
  }
  if (input.paymentMethod === "CARD" && card) {
    // Checked before anything is reserved: a card order Stripe would refuse must not hold stock for a day.
    const destination = await findDestination(prisma, input.districtCode);
    const quote = destination ? await quoteCart(prisma, view, destination.provinceCode) : null;
    if (quote && quote.totalIdr < card.minAmountIdr) {
      return data(
        { result: submission.reply(), message: { key: "shop.methodCardTooSmall", values: { min: formatRupiah(card.minAmountIdr) } } as FormMessage | null },
        { status: 400 },
      );
    }
  }

  const waitSeconds = await consumeCheckout(input.phone, request);
  if (waitSeconds > 0) {
    return data(
      { result: submission.reply(), message: { key: "shop.errorTooManyOrders", values: { minutes: String(Math.ceil(waitSeconds / 60)) } } as FormMessage | null },
      { status: 429, headers: { "Retry-After": String(waitSeconds) } },
    );
  }

  let placed;
  try {
    placed = await placeOrder(prisma, {
      cartId,
      buyerId: user?.id ?? null,
      email: input.email ?? user?.email ?? null,
      recipientName: input.recipientName,
      phone: input.phone,
      addressLine: input.addressLine,
      districtCode: input.districtCode,
      postalCode: input.postalCode ?? null,
      paymentMethod: input.paymentMethod,
      paymentWindowHours: env.ORDER_PAYMENT_WINDOW_HOURS,
      commissionBasisPoints: env.COMMISSION_BASIS_POINTS,
    });
  } catch (error) {
    if (!(error instanceof CheckoutError)) throw error;
    const failure = error.failure;
    const message: FormMessage =
      failure.reason === "out_of_stock"
        ? { key: "shop.errorOutOfStockAtCheckout", values: { product: failure.productTitle, variant: failure.variantName } }
        : failure.reason === "unshippable"
          ? { key: "shop.notShipped", values: { store: failure.stores.join(", ") } }
          : failure.reason === "bad_destination"
            ? { key: "shop.errorDistrict" }
            : failure.reason === "empty_cart"
              ? { key: "shop.errorEmptyCart" }
              : { key: "shop.errorCartChanged" };
    return data({ result: submission.reply(), message }, { status: 409 });
  }

  await syncOrderProductsInSearch(placed.id);
  const headers = new Headers();
  if (placed.guestToken) headers.append("Set-Cookie", await rememberGuestOrder(request, placed.guestToken));
  const orderPath = `/pesanan/${placed.number}${placed.guestToken ? `?kunci=${placed.guestToken}` : ""}`;

  if (input.paymentMethod === "CARD" && card) {
    try {
      const url = await startCardCheckout(prisma, card, {
        paymentId: placed.paymentId,
        orderNumber: placed.number,
        amountIdr: placed.totalIdr,
        email: input.email ?? user?.email ?? null,
        orderUrl: `${env.APP_ORIGIN}${orderPath}`,
        expiresAt: placed.expiresAt!,
        locale: await getLocale(request),
      });
      return redirect(url, { status: 303, headers });
    } catch (error) {
      // The order and its reserved stock stay; the buyer can pay from the order page or cancel there.
      logger.error("card checkout could not start", { order: placed.number, error: String(error) });
      return redirect(`${orderPath}${orderPath.includes("?") ? "&" : "?"}kartu=gagal`, { headers });
    }
  }
  return redirect(orderPath, { headers });
}

export default function CheckoutPage() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const { view, provinces, regencies, districts, picked, destination, quote, prefill, card } = loaderData;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [form, fields] = useForm<CheckoutForm>({ id: "checkout", lastResult: actionData?.result });
  const cardTooSmall = !!card && !!quote && quote.totalIdr < card.minAmountIdr;
  const canOrder = !!quote && quote.unshippable.length === 0 && !view.hasProblems;
  const notices: CartNotice[] = view.groups.flatMap((g) =>
    g.lines.flatMap((l) => (l.problem ? [{ product: l.productTitle, variant: l.variantName, problem: l.problem }] : [])),
  );

  return (
    <section className="checkout">
      <h1>{t("shop.checkoutTitle")}</h1>
      {notices.length > 0 ? (
        <>
          <CartNotices notices={notices} />
          <p>
            <Link to="/keranjang" className="button">
              {t("shop.fixCartFirst")}
            </Link>
          </p>
        </>
      ) : null}

      <section aria-labelledby="address-step" className="card">
        <h2 id="address-step">{t("shop.addressStep")}</h2>
        {/* A GET form: each choice reloads the lists below it. With JavaScript a change submits it at once. */}
        <Form method="get" className="stack" onChange={(event) => submit(event.currentTarget, { preventScrollReset: true })}>
          <RegionSelect id="provinsi" label={t("shop.province")} options={provinces} value={picked.provinceCode} placeholder={t("shop.choose")} />
          {regencies.length > 0 ? (
            <RegionSelect id="kabupaten" label={t("shop.regency")} options={regencies} value={picked.regencyCode} placeholder={t("shop.choose")} />
          ) : null}
          {districts.length > 0 ? (
            <RegionSelect id="kecamatan" label={t("shop.district")} options={districts} value={picked.districtCode} placeholder={t("shop.choose")} />
          ) : null}
          {/* Shown until JavaScript has taken over, so a slow or failed script download never blocks the form. */}
          {hydrated ? null : (
            <button type="submit" className="button">
              {t("shop.chooseButton")}
            </button>
          )}
        </Form>
        {destination ? <p className="muted">{destination.label}</p> : null}
      </section>

      {destination && quote ? (
        <section aria-labelledby="details-step" className="card">
          <h2 id="details-step">{t("shop.detailsStep")}</h2>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormErrors id={form.errorId} errors={form.errors} />
            {actionData?.message ? (
              <div className="form-errors" role="alert">
                <p>{t(actionData.message.key, actionData.message.values)}</p>
              </div>
            ) : null}
            <input type="hidden" name="districtCode" value={destination.districtCode} />
            {fields.districtCode.errors ? (
              <p className="field__error" role="alert">
                {fields.districtCode.errors.map((e) => t(e)).join(" ")}
              </p>
            ) : null}
            <Field
              label={t("shop.recipientName")}
              errors={fields.recipientName.errors}
              inputProps={{ ...getInputProps(fields.recipientName, { type: "text" }), autoComplete: "name", required: true, defaultValue: fields.recipientName.initialValue ?? prefill?.name }}
            />
            <Field
              label={t("shop.phone")}
              hint={t("shop.phoneHint")}
              errors={fields.phone.errors}
              inputProps={{ ...getInputProps(fields.phone, { type: "tel" }), autoComplete: "tel", inputMode: "tel", required: true }}
            />
            <Field
              label={t("shop.email")}
              hint={t("shop.emailHint")}
              errors={fields.email.errors}
              inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", defaultValue: fields.email.initialValue ?? prefill?.email }}
            />
            <div className="field">
              <label htmlFor={fields.addressLine.id}>{t("shop.addressLine")}</label>
              <p className="field__hint" id={`${fields.addressLine.id}-hint`}>
                {t("shop.addressHint")}
              </p>
              <textarea
                id={fields.addressLine.id}
                name={fields.addressLine.name}
                defaultValue={fields.addressLine.initialValue}
                rows={3}
                required
                minLength={10}
                maxLength={300}
                autoComplete="street-address"
                aria-invalid={fields.addressLine.errors ? true : undefined}
                aria-describedby={`${fields.addressLine.id}-hint${fields.addressLine.errors ? ` ${fields.addressLine.id}-error` : ""}`}
              />
              {fields.addressLine.errors ? (
                <p className="field__error" id={`${fields.addressLine.id}-error`} role="alert">
                  {fields.addressLine.errors.map((e) => t(e)).join(" ")}
                </p>
              ) : null}
            </div>
            <Field
              label={t("shop.postalCode")}
              errors={fields.postalCode.errors}
              inputProps={{ ...getInputProps(fields.postalCode, { type: "text" }), inputMode: "numeric", autoComplete: "postal-code", pattern: "[1-9][0-9]{4}", maxLength: 5 }}
            />

            <fieldset className="field payment-methods">
              <legend>{t("shop.paymentMethod")}</legend>
              <PaymentOption value="COD" label={t("shop.methodCOD")} hint={t("shop.methodCODHint")} defaultChecked />
              <PaymentOption value="BANK_TRANSFER" label={t("shop.methodBank")} hint={t("shop.methodBankHint", { hours: loaderData.paymentWindowHours })} />
              {card && !cardTooSmall ? (
                <PaymentOption value="CARD" label={t("shop.methodCard")} hint={t("shop.methodCardHint")} />
              ) : (
                <p className="muted">{card ? t("shop.methodCardTooSmall", { min: formatRupiah(card.minAmountIdr) }) : t("shop.methodCardUnavailable")}</p>
              )}
              {fields.paymentMethod.errors ? (
                <p className="field__error" role="alert">
                  {fields.paymentMethod.errors.map((e) => t(e)).join(" ")}
                </p>
              ) : null}
            </fieldset>

            <section aria-labelledby="summary" className="order-summary">
              <h3 id="summary">{t("shop.summary")}</h3>
              {view.groups.map((group) => {
                const storeQuote = quote.stores.find((s) => s.storeId === group.store.id);
                return (
                  <div key={group.store.id} className="order-summary__store">
                    <h4>{group.store.name}</h4>
                    <ul>
                      {group.lines.map((line) => (
                        <li key={line.id}>
                          {line.quantity} × {line.productTitle} ({line.variantName}) — {formatRupiah(line.lineTotalIdr)}
                        </li>
                      ))}
                    </ul>
                    {storeQuote?.shippingIdr != null ? (
                      <p>
                        {t("shop.shippingWeight", { kg: billableKilograms(group.weightGrams) })}: {formatRupiah(storeQuote.shippingIdr)}
                      </p>
                    ) : (
                      <p className="field__error">{t("shop.notShipped", { store: group.store.name })}</p>
                    )}
                  </div>
                );
              })}
              <dl className="facts totals">
                <dt>{t("shop.subtotal")}</dt>
                <dd>{formatRupiah(quote.subtotalIdr)}</dd>
                <dt>{t("shop.shipping")}</dt>
                <dd>{formatRupiah(quote.shippingIdr)}</dd>
                <dt>{t("shop.total")}</dt>
                <dd>
                  <strong>{formatRupiah(quote.totalIdr)}</strong>
                </dd>
              </dl>
            </section>
            <button type="submit" className="button button--primary" disabled={!canOrder || navigation.state === "submitting"}>
              {t("shop.placeOrder")}
            </button>
          </Form>
        </section>
      ) : null}
    </section>
  );
}

function RegionSelect({ id, label, options, value, placeholder }: { id: string; label: string; options: { code: string; name: string }[]; value: string; placeholder: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} defaultValue={value} key={value} required>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function PaymentOption({ value, label, hint, defaultChecked }: { value: string; label: string; hint: string; defaultChecked?: boolean }) {
  return (
    <label className="check check--block">
      <input type="radio" name="paymentMethod" value={value} defaultChecked={defaultChecked} required />
      <span>
        <strong>{label}</strong>
        <br />
        <span className="muted">{hint}</span>
      </span>
    </label>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "shop.checkoutTitle") }];

/** Lets the 429 answer's Retry-After header through. */
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export const ErrorBoundary = RouteErrorBoundary;
