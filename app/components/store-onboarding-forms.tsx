import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { RegencySelect } from "~/components/regency-select";
import { TemporaryPasswordNotice } from "~/components/temporary-password-notice";
import { Field, FieldError, FormErrors, withoutKey } from "~/components/ui/field";
import { useTranslation } from "~/utils/i18n-react";

type Option = { code: string; name: string };
type LastResult = SubmissionResult<string[]> | undefined;

/** Opens the store of a household or a KUBE group: name, short description, WhatsApp, pickup regency. */
export function NewStoreForm({ regencies, defaultRegency, lastResult }: { regencies: Option[]; defaultRegency: string; lastResult: LastResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<{ name: string; description: string; whatsapp: string; regencyCode: string }>({
    id: "new-store",
    lastResult,
    defaultValue: { regencyCode: defaultRegency },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field
        label={t("households.storeNameLabel")}
        hint={t("households.storeNameHint")}
        errors={fields.name.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.name, { type: "text" })), required: true, minLength: 3, maxLength: 80 }}
      />
      <div className="field">
        <label htmlFor={fields.description.id}>{t("households.storeDescriptionLabel")}</label>
        <p className="field__hint" id={`${fields.description.id}-hint`}>
          {t("households.storeDescriptionHint")}
        </p>
        <textarea
          {...withoutKey(getTextareaProps(fields.description))}
          rows={3}
          required
          minLength={10}
          maxLength={300}
          aria-describedby={[`${fields.description.id}-hint`, fields.description.errors ? fields.description.errorId : null].filter(Boolean).join(" ")}
        />
        <FieldError id={fields.description.errorId} errors={fields.description.errors} />
      </div>
      <Field
        label={t("households.whatsappLabel")}
        hint={t("households.whatsappHint")}
        errors={fields.whatsapp.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.whatsapp, { type: "tel" })), required: true, maxLength: 30, autoComplete: "off" }}
      />
      <RegencySelect
        field={fields.regencyCode}
        label={t("households.pickupRegencyLabel")}
        hint={t("households.pickupRegencyHint")}
        regencies={regencies}
        defaultValue={fields.regencyCode.initialValue ?? defaultRegency}
      />
      <button type="submit" name="intent" value="create-store" className="button button--primary">
        {t("households.createStore")}
      </button>
    </Form>
  );
}

/**
 * Makes a seller account for a household (of the page's household, or one of the group's members):
 * the temporary password comes back once, in the page that answers this form.
 */
export function NewSellerForm({ households, lastResult }: { households: { id: string; label: string }[]; lastResult: LastResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm<{ householdId: string; name: string; email: string }>({
    id: "new-seller",
    lastResult,
    defaultValue: households.length === 1 ? { householdId: households[0]!.id } : undefined,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormErrors id={form.errorId} errors={form.errors} />
      {households.length === 1 ? (
        <input type="hidden" name={fields.householdId.name} value={households[0]!.id} />
      ) : (
        <div className="field">
          <label htmlFor={fields.householdId.id}>{t("households.sellerHouseholdLabel")}</label>
          <select
            id={fields.householdId.id}
            name={fields.householdId.name}
            defaultValue={fields.householdId.initialValue ?? ""}
            required
            aria-invalid={fields.householdId.errors ? true : undefined}
            aria-describedby={fields.householdId.errors ? fields.householdId.errorId : undefined}
          >
            <option value="">{t("households.choose")}</option>
            {households.map((h) => (
              <option key={h.id} value={h.id}>
                {h.label}
              </option>
            ))}
          </select>
          <FieldError id={fields.householdId.errorId} errors={fields.householdId.errors} />
        </div>
      )}
      <Field
        label={t("households.sellerNameLabel")}
        hint={t("households.sellerNameHint")}
        errors={fields.name.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.name, { type: "text" })), required: true, maxLength: 100, autoComplete: "off" }}
      />
      <Field
        label={t("households.sellerEmailLabel")}
        hint={t("households.sellerEmailHint")}
        errors={fields.email.errors}
        inputProps={{ ...withoutKey(getInputProps(fields.email, { type: "email" })), required: true, maxLength: 254, autoComplete: "off" }}
      />
      <button type="submit" name="intent" value="create-seller" className="button button--primary">
        {t("households.createSeller")}
      </button>
    </Form>
  );
}

/** What a store page says after its own action: the store it just opened (after the redirect), or a new seller's temporary password. */
export function StoreOnboardingNotices({ replied, created }: { replied: boolean; created: { email: string; temporaryPassword: string } | null | undefined }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  return (
    <>
      {searchParams.get("toko") === "dibuat" && !replied ? (
        <p className="notice" role="status">
          {t("households.storeCreated")}
        </p>
      ) : null}
      {created ? <TemporaryPasswordNotice {...created} /> : null}
    </>
  );
}

/** The store's public address, or, while there is none, `noStoreText` and the form that opens it. */
export function StoreOrNewStoreForm({
  store,
  noStoreText,
  regencies,
  defaultRegency,
  lastResult,
}: {
  store: { slug: string; name: string } | null;
  noStoreText: string;
  regencies: Option[];
  defaultRegency: string;
  lastResult: LastResult;
}) {
  if (store) {
    return (
      <p>
        <Link to={`/toko/${store.slug}`}>{store.name}</Link> <span className="muted">(/toko/{store.slug})</span>
      </p>
    );
  }
  return (
    <>
      <p>{noStoreText}</p>
      <NewStoreForm regencies={regencies} defaultRegency={defaultRegency} lastResult={lastResult} />
    </>
  );
}

/**
 * The seller-account form once there is a store to sell in; before that, why there is none.
 * `formKey` changes when an account was made, so the form comes back fresh and empty.
 */
export function SellerAccountForms({
  hasStore,
  intro,
  households,
  formKey,
  lastResult,
}: {
  hasStore: boolean;
  intro: string;
  households: { id: string; label: string }[];
  formKey: number;
  lastResult: LastResult;
}) {
  const { t } = useTranslation();
  if (!hasStore) return <p className="muted">{t("households.storeBeforeSeller")}</p>;
  return (
    <>
      <p>{intro}</p>
      <NewSellerForm key={formKey} households={households} lastResult={lastResult} />
    </>
  );
}
