import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FieldError, FormErrors, withoutKey } from "~/components/ui/field";
import { syncStoreProductsInSearch } from "~/models/product-search.server";
import { listChildren, listProvinces } from "~/models/region.server";
import { shippingCostIdr } from "~/models/shipping";
import {
  STORE_INTENTS,
  storeActionSchema,
  storeRegionPickSchema,
  type PayoutAccountForm,
  type ShippingRateAddForm,
  type ShippingRateUpdateForm,
  type StoreIntent,
  type StoreLocationForm,
  type StoreProfileForm,
} from "~/models/store-forms.server";
import {
  addShippingRate,
  getStoreSettings,
  isStoreMember,
  removeShippingRate,
  StoreProfileError,
  updatePayoutAccount,
  updateShippingRate,
  updateStoreProfile,
  updateStoreRegency,
} from "~/models/store-profile.server";
import { requireSeller } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form-data.server";
import { useTranslation } from "~/utils/i18n-react";
import { pageTitle } from "~/utils/meta";
import { formatRupiah } from "~/utils/money";
import { formatIndonesianPhone, normalizeIndonesianPhone } from "~/utils/phone";
import storeSettingsStylesHref from "~/styles/store-settings.css";

/** The page section each form lives in: after saving, the page opens there again. */
const SECTION: Record<StoreIntent, string> = {
  profile: "profil",
  location: "lokasi",
  payout: "rekening",
  "rate-add": "ongkir",
  "rate-update": "ongkir",
  "rate-remove": "ongkir",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireSeller(request);
  const pick = storeRegionPickSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [store, provinces] = await Promise.all([getStoreSettings(prisma, user.id, params.storeId ?? ""), listProvinces(prisma)]);
  // Another seller's store looks exactly like one that does not exist.
  if (!store) throw new Response("Not found", { status: 404 });
  const storeProvince = store.regency.parent?.code ?? store.regency.code.slice(0, 2);
  const pickedProvince = pick.provinsi && provinces.some((p) => p.code === pick.provinsi) ? pick.provinsi : storeProvince;
  const regencies = await listChildren(pickedProvince, prisma);
  const whatsapp = normalizeIndonesianPhone(store.whatsapp);
  return {
    store: { ...store, whatsappDisplay: whatsapp ? formatIndonesianPhone(whatsapp) : store.whatsapp },
    provinces: provinces.map((p) => ({ code: p.code, name: p.name })),
    regencies: regencies.map((r) => ({ code: r.code, name: r.name })),
    pickedProvince,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireSeller(request);
  const storeId = params.storeId ?? "";
  // Checked before the form is read: another seller's store is "not found" whatever was sent.
  if (!(await isStoreMember(prisma, user.id, storeId))) throw new Response("Not found", { status: 404 });
  const form = await readFormData(request);
  const intent = STORE_INTENTS.find((known) => known === form.get("intent")) ?? null;
  const rateIdField = form.get("rateId");
  const rateId = typeof rateIdField === "string" ? rateIdField : null;
  const submission = parseWithZod(form, { schema: storeActionSchema });
  const refuse = (status: 400 | 404, errors?: { fieldErrors?: Record<string, string[]>; formErrors?: string[] }) =>
    data({ intent, rateId, status, result: submission.reply(errors) as SubmissionResult<string[]> }, { status });
  if (submission.status !== "success") return refuse(400);

  const input = submission.value;
  const actor = { userId: user.id, storeId };
  try {
    if (input.intent === "profile") {
      const { searchChanged } = await updateStoreProfile(prisma, { ...actor, profile: input });
      if (searchChanged) await syncStoreProductsInSearch(storeId);
    } else if (input.intent === "location") {
      const { searchChanged } = await updateStoreRegency(prisma, { ...actor, regencyCode: input.regencyCode });
      if (searchChanged) await syncStoreProductsInSearch(storeId);
    } else if (input.intent === "payout") {
      await updatePayoutAccount(prisma, { ...actor, account: input });
    } else if (input.intent === "rate-add") {
      await addShippingRate(prisma, { ...actor, provinceCode: input.provinceCode, rate: input });
    } else if (input.intent === "rate-update") {
      await updateShippingRate(prisma, { ...actor, rateId: input.rateId, rate: input });
    } else {
      await removeShippingRate(prisma, { ...actor, rateId: input.rateId });
    }
  } catch (error) {
    if (!(error instanceof StoreProfileError)) throw error;
    switch (error.code) {
      case "unknown_regency":
        return refuse(400, { fieldErrors: { regencyCode: ["storeProfile.errorRegency"] } });
      case "unknown_province":
        return refuse(400, { fieldErrors: { provinceCode: ["storeProfile.errorProvince"] } });
      case "duplicate_province":
        return refuse(400, { fieldErrors: { provinceCode: ["storeProfile.errorDuplicate"] } });
      case "rate_not_found":
        return refuse(404, { formErrors: ["storeProfile.errorRateNotFound"] });
      default:
        throw new Response("Not found", { status: 404 });
    }
  }
  return redirect(`/penjual/toko/${storeId}?tersimpan=${input.intent}#${SECTION[input.intent]}`);
}

export default function StoreProfilePage() {
  const { t } = useTranslation();
  const { store, provinces, regencies, pickedProvince } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = actionData ? null : searchParams.get("tersimpan");
  const resultOf = (intent: StoreIntent, rateId?: string) =>
    actionData && actionData.intent === intent && (rateId === undefined || actionData.rateId === rateId) ? actionData.result : undefined;
  const savedNotice = (intent: StoreIntent, key: string) =>
    saved === intent ? (
      <p className="notice" role="status">
        {t(key)}
      </p>
    ) : null;

  return (
    <section className="store-settings">
      <p>
        <Link to="/penjual">{t("seller.title")}</Link> · <Link to={`/toko/${store.slug}`}>{t("storeProfile.viewStore")}</Link> ·{" "}
        <Link to={`/penjual/toko/${store.id}/logo`}>{t("storeProfile.changeLogo")}</Link>
      </p>
      <h1>{t("storeProfile.heading", { store: store.name })}</h1>
      <p className="muted">{t("storeProfile.intro")}</p>
      {store.status === "SUSPENDED" ? <p className="notice notice--warning">{t("storeProfile.statusSuspended")}</p> : null}
      {store.status === "CLOSED" ? <p className="notice notice--warning">{t("storeProfile.statusClosed")}</p> : null}
      {actionData && !actionData.intent ? <FormErrors id="store-form-error" errors={["shop.errorBadRequest"]} /> : null}

      <section id="profil" aria-labelledby="profil-heading" className="card">
        <h2 id="profil-heading">{t("storeProfile.profileHeading")}</h2>
        {savedNotice("profile", "storeProfile.profileSaved")}
        <ProfileForm store={store} lastResult={resultOf("profile")} />
      </section>

      <section id="lokasi" aria-labelledby="lokasi-heading" className="card">
        <h2 id="lokasi-heading">{t("storeProfile.locationHeading")}</h2>
        {savedNotice("location", "storeProfile.locationSaved")}
        <p className="field__hint">{t("storeProfile.locationHint")}</p>
        <p>
          <strong>{t("storeProfile.locationNow", { regency: store.regency.name, province: store.regency.parent?.name ?? "" })}</strong>
        </p>
        <LocationForms
          storeId={store.id}
          currentRegency={store.regency.code}
          provinces={provinces}
          regencies={regencies}
          pickedProvince={pickedProvince}
          lastResult={resultOf("location")}
        />
      </section>

      <section id="rekening" aria-labelledby="rekening-heading" className="card">
        <h2 id="rekening-heading">{t("storeProfile.payoutHeading")}</h2>
        {savedNotice("payout", "storeProfile.payoutSaved")}
        <p>{t("storeProfile.payoutIntro")}</p>
        {store.payoutAccountNumber ? null : <p className="notice notice--warning">{t("storeProfile.payoutMissing")}</p>}
        <p className="field__hint">{t("storeProfile.payoutPrivate")}</p>
        <PayoutForm store={store} lastResult={resultOf("payout")} />
      </section>

      <section id="ongkir" aria-labelledby="ongkir-heading" className="card">
        <h2 id="ongkir-heading">{t("storeProfile.shippingHeading")}</h2>
        {savedNotice("rate-add", "storeProfile.rateAdded")}
        {savedNotice("rate-update", "storeProfile.rateSaved")}
        {savedNotice("rate-remove", "storeProfile.rateRemoved")}
        {/* A row removed meanwhile (in another tab): its form is gone, so the message shows here. */}
        {actionData?.status === 404 && !store.shippingRates.some((r) => r.id === actionData.rateId) ? (
          <FormErrors id="rate-gone" errors={["storeProfile.errorRateNotFound"]} />
        ) : null}
        <p>{t("storeProfile.shippingIntro")}</p>
        <p className="field__hint">{t("storeProfile.shippingExample")}</p>
        {store.shippingRates.length > 0 ? (
          <>
            <h3>{t("storeProfile.ratesTitle")}</h3>
            <ul className="card-list">
              {store.shippingRates.map((rate) => (
                <li key={rate.id} className="card">
                  <RateRow rate={rate} lastResult={resultOf("rate-update", rate.id) ?? resultOf("rate-remove", rate.id)} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <UnshippedProvinces total={provinces.length} unshipped={store.unshippedProvinces} />
        {store.unshippedProvinces.length > 0 ? (
          <AddRateForm
            // A fresh, empty form once a rate was added.
            key={store.shippingRates.map((r) => r.id).join()}
            provinces={store.unshippedProvinces}
            lastResult={resultOf("rate-add")}
          />
        ) : null}
      </section>
    </section>
  );
}

type Store = ReturnType<typeof useLoaderData<typeof loader>>["store"];
type LastResult = SubmissionResult<string[]> | undefined;
type Option = { code: string; name: string };

function ProfileForm({ store, lastResult }: { store: Store; lastResult: LastResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<StoreProfileForm>({
    id: "store-profile",
    lastResult,
    defaultValue: { name: store.name, description: store.description, story: store.story ?? "", whatsapp: store.whatsappDisplay },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={t("storeProfile.nameLabel")}
        hint={t("storeProfile.nameHint", { slug: store.slug })}
        errors={fields.name.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.name, { type: "text" })), required: true, minLength: 3, maxLength: 80 }}
      />
      <TextareaField
        label={t("storeProfile.descriptionLabel")}
        hint={t("storeProfile.descriptionHint")}
        errors={fields.description.errors}
        textareaProps={{ ...withoutKey(getTextareaProps(fields.description)), rows: 3, required: true, minLength: 10, maxLength: 300 }}
      />
      <TextareaField
        label={t("storeProfile.storyLabel")}
        hint={t("storeProfile.storyHint")}
        errors={fields.story.errors}
        textareaProps={{ ...withoutKey(getTextareaProps(fields.story)), rows: 8, maxLength: 3000 }}
      />
      <Field
        label={t("storeProfile.whatsappLabel")}
        hint={t("storeProfile.whatsappHint")}
        errors={fields.whatsapp.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.whatsapp, { type: "tel" })), inputMode: "tel", autoComplete: "tel", required: true, maxLength: 30 }}
      />
      <SubmitButton intent="profile" label={t("storeProfile.saveProfile")} />
    </Form>
  );
}

/**
 * Province, then regency, without JavaScript: a GET form reloads the page with the chosen province's
 * regencies (as checkout does); with JavaScript, choosing a province reloads them at once.
 */
function LocationForms({
  storeId,
  currentRegency,
  provinces,
  regencies,
  pickedProvince,
  lastResult,
}: {
  storeId: string;
  currentRegency: string;
  provinces: Option[];
  regencies: Option[];
  pickedProvince: string;
  lastResult: LastResult;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [form, fields] = useForm<StoreLocationForm>({
    id: "store-location",
    lastResult,
    defaultValue: { regencyCode: regencies.some((r) => r.code === currentRegency) ? currentRegency : "" },
  });
  return (
    <>
      <Form
        method="get"
        action={`/penjual/toko/${storeId}#lokasi`}
        className="stack"
        onChange={(event) => submit(event.currentTarget, { preventScrollReset: true, replace: true })}
      >
        <div className="field">
          <label htmlFor="provinsi">{t("storeProfile.province")}</label>
          <select id="provinsi" name="provinsi" defaultValue={pickedProvince} key={pickedProvince} required>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        {/* Shown until JavaScript has taken over, so a slow or failed script download never blocks the form. */}
        {hydrated ? null : (
          <button type="submit" className="button">
            {t("storeProfile.showRegencies")}
          </button>
        )}
      </Form>
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="field">
          <label htmlFor={fields.regencyCode.id}>{t("storeProfile.regency")}</label>
          <select {...withoutKey(getSelectProps(fields.regencyCode))} key={pickedProvince} required>
            <option value="">{t("storeProfile.choose")}</option>
            {regencies.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
          <FieldError id={fields.regencyCode.errorId} errors={fields.regencyCode.errors} />
        </div>
        <SubmitButton intent="location" label={t("storeProfile.saveLocation")} />
      </Form>
    </>
  );
}

function PayoutForm({ store, lastResult }: { store: Store; lastResult: LastResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<PayoutAccountForm>({
    id: "store-payout",
    lastResult,
    defaultValue: {
      payoutBankName: store.payoutBankName ?? "",
      payoutAccountNumber: store.payoutAccountNumber ?? "",
      payoutAccountHolder: store.payoutAccountHolder ?? "",
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={t("storeProfile.bankNameLabel")}
        hint={t("storeProfile.bankNameHint")}
        errors={fields.payoutBankName.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.payoutBankName, { type: "text" })), required: true, minLength: 2, maxLength: 60 }}
      />
      <Field
        label={t("storeProfile.accountNumberLabel")}
        hint={t("storeProfile.accountNumberHint")}
        errors={fields.payoutAccountNumber.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.payoutAccountNumber, { type: "text" })), inputMode: "numeric", autoComplete: "off", required: true, maxLength: 40 }}
      />
      <Field
        label={t("storeProfile.accountHolderLabel")}
        hint={t("storeProfile.accountHolderHint")}
        errors={fields.payoutAccountHolder.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.payoutAccountHolder, { type: "text" })), required: true, minLength: 2, maxLength: 100 }}
      />
      <SubmitButton intent="payout" label={t("storeProfile.savePayout")} />
    </Form>
  );
}

/** Checkout refuses buyers in a province without a rate; the seller sees exactly which ones. */
function UnshippedProvinces({ total, unshipped }: { total: number; unshipped: Option[] }) {
  const { t } = useTranslation();
  if (unshipped.length === 0) return <p className="notice">{t("storeProfile.allProvinces")}</p>;
  return (
    <div className="notice notice--warning" role="note" aria-labelledby="unshipped-title">
      {unshipped.length === total ? <p>{t("storeProfile.noRates")}</p> : null}
      <p id="unshipped-title">
        <strong>{t("storeProfile.unshippedTitle")}</strong>
      </p>
      <p>{unshipped.map((p) => p.name).join(", ")}</p>
      <p>{t("storeProfile.unshippedHint")}</p>
    </div>
  );
}

type Rate = Store["shippingRates"][number];

function RateRow({ rate, lastResult }: { rate: Rate; lastResult: LastResult }) {
  const { t } = useTranslation();
  const province = rate.province.name;
  const [form, fields] = useForm<ShippingRateUpdateForm>({
    id: `rate-${rate.id}`,
    lastResult,
    defaultValue: {
      firstKgIdr: String(rate.firstKgIdr),
      additionalKgIdr: String(rate.additionalKgIdr),
      estimatedDays: rate.estimatedDays === null ? "" : String(rate.estimatedDays),
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack" aria-label={t("storeProfile.rateTo", { province })}>
      <h4 className="rate-row__title">{t("storeProfile.rateTo", { province })}</h4>
      <p className="muted">
        {t("storeProfile.rateCostExample", { one: formatRupiah(shippingCostIdr(rate, 1000)), three: formatRupiah(shippingCostIdr(rate, 3000)) })}
        {rate.estimatedDays !== null ? ` · ${t("storeProfile.rateDays", { days: rate.estimatedDays })}` : ""}
      </p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="rateId" value={rate.id} />
      <RateFields fields={fields} />
      <div className="rate-row__actions">
        <SubmitButton intent="rate-update" label={t("storeProfile.saveRate", { province })} />
      </div>
      {/* Asked once more: without the rate, buyers in that province cannot order at all. */}
      <details>
        <summary className="button button--quiet">{t("storeProfile.removeRate", { province })}</summary>
        <p>{t("storeProfile.removeRateWarning", { province })}</p>
        {/* Removing needs no valid prices: the browser must not stop it over an emptied field. */}
        <button type="submit" name="intent" value="rate-remove" className="button" formNoValidate>
          {t("storeProfile.removeRateConfirm", { province })}
        </button>
      </details>
    </Form>
  );
}

function AddRateForm({ provinces, lastResult }: { provinces: Option[]; lastResult: LastResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<ShippingRateAddForm>({ id: "rate-add", lastResult });
  return (
    <Form method="post" {...getFormProps(form)} className="stack" aria-labelledby="rate-add-heading">
      <h3 id="rate-add-heading">{t("storeProfile.addRateHeading")}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="field">
        <label htmlFor={fields.provinceCode.id}>{t("storeProfile.provinceLabel")}</label>
        <select {...withoutKey(getSelectProps(fields.provinceCode))} required>
          <option value="">{t("storeProfile.choose")}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
        <FieldError id={fields.provinceCode.errorId} errors={fields.provinceCode.errors} />
      </div>
      <RateFields fields={fields} />
      <SubmitButton intent="rate-add" label={t("storeProfile.addRate")} />
    </Form>
  );
}

type RateFieldsMetadata = ReturnType<typeof useForm<ShippingRateUpdateForm>>[1] | ReturnType<typeof useForm<ShippingRateAddForm>>[1];

/** Prices accept "15000", "15.000" or "Rp 15.000", so the inputs are text with a numeric keyboard. */
function RateFields({ fields }: { fields: RateFieldsMetadata }) {
  const { t } = useTranslation();
  return (
    <div className="rate-fields">
      <Field
        label={t("storeProfile.firstKgLabel")}
        errors={fields.firstKgIdr.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.firstKgIdr, { type: "text" })), inputMode: "numeric", required: true, maxLength: 20 }}
      />
      <Field
        label={t("storeProfile.additionalKgLabel")}
        errors={fields.additionalKgIdr.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.additionalKgIdr, { type: "text" })), inputMode: "numeric", required: true, maxLength: 20 }}
      />
      <Field
        label={t("storeProfile.estimatedDaysLabel")}
        errors={fields.estimatedDays.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.estimatedDays, { type: "number" })), inputMode: "numeric", min: 1, max: 60 }}
      />
    </div>
  );
}

function TextareaField({
  label,
  hint,
  errors,
  textareaProps,
}: {
  label: string;
  hint?: string;
  errors?: string[];
  textareaProps: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; name: string };
}) {
  const hintId = hint ? `${textareaProps.id}-hint` : undefined;
  const errorId = errors?.length ? `${textareaProps.id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={textareaProps.id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <textarea
        {...textareaProps}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      <FieldError id={errorId ?? ""} errors={errors} />
    </div>
  );
}

function SubmitButton({ intent, label }: { intent: StoreIntent; label: string }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <button type="submit" name="intent" value={intent} className="button button--primary" disabled={busy}>
      {label}
    </button>
  );
}

export const links: LinksFunction = () => [{ rel: "stylesheet", href: storeSettingsStylesHref }];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "storeProfile.title") }];

export const ErrorBoundary = RouteErrorBoundary;
