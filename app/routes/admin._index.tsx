import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { TemporaryPasswordNotice } from "~/components/temporary-password-notice";
import { createAccountSchema, setVerifierAreaSchema } from "~/models/auth-forms.server";
import type { CreateAccountForm } from "~/models/auth-forms.server";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { Role } from "~/generated/prisma/enums";
import { createManagedAccount, HouseholdNotFoundError } from "~/models/account.server";
import { EmailTakenError } from "~/models/user.server";
import { listAreaChoices, resolveVerifierArea, setVerifierArea, VerifierAreaError, WHOLE_COUNTRY } from "~/models/verifier-area.server";
import { requireAdmin } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { readFormData } from "~/utils/form-data.server";

const ROLES = Object.values(Role);


export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [users, households, areas, verifiers] = await Promise.all([
    prisma.user.findMany({
      select: { id: true, email: true, name: true, createdAt: true, scopeRegionCode: true, roles: { select: { role: true } } },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    prisma.household.findMany({ select: { id: true, headName: true, programRef: true }, orderBy: { headName: "asc" } }),
    listAreaChoices(prisma),
    prisma.user.findMany({
      where: { roles: { some: { role: "VERIFIER" } } },
      select: { id: true, name: true, email: true, scopeRegionCode: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const areaNames = Object.fromEntries(areas.flatMap((p) => [[p.code, p.name], ...p.regencies.map((r) => [r.code, `${r.name}, ${p.name}`])]));
  return { users, households, areas, verifiers, areaNames };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const form = await readFormData(request);
  if (form.get("intent") === "verifier-area") {
    const submission = parseWithZod(form, { schema: setVerifierAreaSchema });
    if (submission.status !== "success") return data({ result: null, areaResult: submission.reply(), created: null, areaChanged: false }, { status: 400 });
    try {
      await setVerifierArea(prisma, { actorId: admin.id, userId: submission.value.userId, area: submission.value.verifierArea });
      return data({ result: null, areaResult: submission.reply({ resetForm: true }), created: null, areaChanged: true });
    } catch (error) {
      if (!(error instanceof VerifierAreaError)) throw error;
      const field = error.code === "not_verifier" ? "userId" : "verifierArea";
      const message = error.code === "not_verifier" ? "admin.errorChooseVerifier" : "admin.errorVerifierArea";
      return data({ result: null, areaResult: submission.reply({ fieldErrors: { [field]: [message] } }), created: null, areaChanged: false }, { status: 400 });
    }
  }
  const submission = parseWithZod(form, { schema: createAccountSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), areaResult: null, created: null, areaChanged: false }, { status: 400 });
  }
  try {
    const { verifierArea, intent: _intent, ...values } = submission.value;
    const scopeRegionCode = values.roles.includes("VERIFIER") && verifierArea ? await resolveVerifierArea(prisma, verifierArea) : null;
    const { user, temporaryPassword } = await createManagedAccount(prisma, { actorId: admin.id, ...values, scopeRegionCode });
    return data({ result: submission.reply({ resetForm: true }), areaResult: null, created: { email: user.email, temporaryPassword }, areaChanged: false });
  } catch (error) {
    if (error instanceof VerifierAreaError) {
      return data({ result: submission.reply({ fieldErrors: { verifierArea: ["admin.errorVerifierArea"] } }), areaResult: null, created: null, areaChanged: false }, { status: 400 });
    }
    if (error instanceof EmailTakenError) {
      return data({ result: submission.reply({ fieldErrors: { email: ["errors.emailTaken"] } }), areaResult: null, created: null, areaChanged: false }, { status: 400 });
    }
    if (error instanceof HouseholdNotFoundError) {
      return data({ result: submission.reply({ fieldErrors: { householdId: ["errors.chooseHousehold"] } }), areaResult: null, created: null, areaChanged: false }, { status: 400 });
    }
    throw error;
  }
}

export default function AdminHome() {
  const { t } = useTranslation();
  const { users, households, areas, verifiers, areaNames } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<CreateAccountForm>({ id: "create-account", lastResult: actionData?.result });
  const [areaForm, areaFields] = useForm<{ intent: string; userId: string; verifierArea: string }>({ id: "verifier-area", lastResult: actionData?.areaResult });
  const areaLabel = (code: string | null) => (code ? (areaNames[code] ?? code) : t("admin.wholeCountry"));

  return (
    <>
      <h1>{t("admin.title")}</h1>
      <nav aria-label={t("admin.title")} className="button-row">
        <Link to="/admin/transfer" className="button">
          {t("nav.bankTransfers")}
        </Link>
        <Link to="/admin/pengembalian" className="button">
          {t("money.refundsTitle")}
        </Link>
        <Link to="/admin/pencairan" className="button">
          {t("money.payoutsTitle")}
        </Link>
        <Link to="/program" className="button">
          {t("program.title")}
        </Link>
        <Link to="/admin/target" className="button">
          {t("program.targetsTitle")}
        </Link>
        <Link to="/admin/garis-kemiskinan" className="button">
          {t("program.povertyLinesTitle")}
        </Link>
        <Link to="/admin/umk" className="button">
          {t("program.wagesTitle")}
        </Link>
        <Link to="/admin/token" className="button">
          {t("program.tokensTitle")}
        </Link>
      </nav>
      {actionData?.created ? <TemporaryPasswordNotice {...actionData.created} /> : null}
      <section aria-labelledby="create-account-title" className="narrow">
        <h2 id="create-account-title">{t("admin.createUser")}</h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            label={t("auth.name")}
            errors={fields.name.errors}
            inputProps={{ ...getInputProps(fields.name, { type: "text" }), required: true }}
          />
          <Field
            label={t("auth.email")}
            errors={fields.email.errors}
            inputProps={{ ...getInputProps(fields.email, { type: "email" }), required: true }}
          />
          <fieldset className="field" aria-describedby={fields.roles.errors ? `${fields.roles.id}-error` : undefined}>
            <legend>{t("admin.roles")}</legend>
            {ROLES.map((role) => (
              <label key={role} className="check">
                <input type="checkbox" name={fields.roles.name} value={role} />
                {t(`roles.${role}`)}
              </label>
            ))}
            {fields.roles.errors ? (
              <p className="field__error" id={`${fields.roles.id}-error`} role="alert">
                {fields.roles.errors.map((e) => t(e)).join(" ")}
              </p>
            ) : null}
          </fieldset>
          <div className="field">
            <label htmlFor={fields.householdId.id}>{t("admin.household")}</label>
            <select id={fields.householdId.id} name={fields.householdId.name} defaultValue="">
              <option value="">{t("admin.none")}</option>
              {households.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.headName} ({h.programRef})
                </option>
              ))}
            </select>
            {fields.householdId.errors ? (
              <p className="field__error" role="alert">
                {fields.householdId.errors.map((e) => t(e)).join(" ")}
              </p>
            ) : null}
          </div>
          <AreaSelect
            id={fields.verifierArea.id}
            name={fields.verifierArea.name}
            label={t("admin.verifierArea")}
            hint={t("admin.verifierAreaHint")}
            areas={areas}
            errors={fields.verifierArea.errors}
          />
          <button type="submit" name="intent" value="create" className="button button--primary">
            {t("admin.create")}
          </button>
        </Form>
      </section>
      {verifiers.length > 0 ? (
        <section aria-labelledby="verifier-area-title" className="narrow">
          <h2 id="verifier-area-title">{t("admin.changeVerifierArea")}</h2>
          {actionData?.areaChanged ? (
            <p className="notice" role="status">
              {t("admin.verifierAreaChanged")}
            </p>
          ) : null}
          <Form method="post" {...getFormProps(areaForm)} className="stack">
            <div className="field">
              <label htmlFor={areaFields.userId.id}>{t("admin.verifier")}</label>
              <select id={areaFields.userId.id} name={areaFields.userId.name} defaultValue="" required>
                <option value="">{t("admin.chooseVerifier")}</option>
                {verifiers.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name} ({v.email}): {areaLabel(v.scopeRegionCode)}
                  </option>
                ))}
              </select>
              {areaFields.userId.errors ? (
                <p className="field__error" role="alert">
                  {areaFields.userId.errors.map((e) => t(e)).join(" ")}
                </p>
              ) : null}
            </div>
            <AreaSelect id={areaFields.verifierArea.id} name={areaFields.verifierArea.name} label={t("admin.newVerifierArea")} areas={areas} errors={areaFields.verifierArea.errors} required />
            <button type="submit" name="intent" value="verifier-area" className="button button--primary">
              {t("admin.saveVerifierArea")}
            </button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="users-title">
        <h2 id="users-title">{t("admin.users")}</h2>
        <table className="table">
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.name}
                  <br />
                  <span className="muted">{user.email}</span>
                </td>
                <td>
                  {user.roles.map((r) => t(`roles.${r.role}`)).join(", ")}
                  {user.roles.some((r) => r.role === "VERIFIER") ? (
                    <>
                      <br />
                      <span className="muted">{t("admin.areaOf", { area: areaLabel(user.scopeRegionCode) })}</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

type AreaChoice = { code: string; name: string; regencies: { code: string; name: string }[] };

/** The whole country, a province, or one of its regencies (the district social office's area). */
function AreaSelect({
  id,
  name,
  label,
  hint,
  areas,
  errors,
  required = false,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  areas: AreaChoice[];
  errors?: string[];
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select id={id} name={name} defaultValue="" required={required} aria-describedby={hint ? `${id}-hint` : undefined} aria-invalid={errors ? true : undefined}>
        <option value="">{t("admin.chooseArea")}</option>
        <option value={WHOLE_COUNTRY}>{t("admin.wholeCountry")}</option>
        {areas.map((province) => (
          <optgroup key={province.code} label={province.name}>
            <option value={province.code}>{t("admin.wholeProvince", { province: province.name })}</option>
            {province.regencies.map((regency) => (
              <option key={regency.code} value={regency.code}>
                {regency.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {errors ? (
        <p className="field__error" role="alert">
          {errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.title") }];

export const ErrorBoundary = RouteErrorBoundary;
