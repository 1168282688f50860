import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { TemporaryPasswordNotice } from "~/components/temporary-password-notice";
import { createAccountSchema } from "~/models/auth-forms.server";
import type { CreateAccountForm } from "~/models/auth-forms.server";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { Role } from "~/generated/prisma/enums";
import { createManagedAccount, HouseholdNotFoundError } from "~/models/account.server";
import { EmailTakenError } from "~/models/user.server";
import { requireAdmin } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { readFormData } from "~/utils/form-data.server";

const ROLES = Object.values(Role);


export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const [users, households] = await Promise.all([
    prisma.user.findMany({
      select: { id: true, email: true, name: true, createdAt: true, roles: { select: { role: true } } },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    prisma.household.findMany({ select: { id: true, headName: true, programRef: true }, orderBy: { headName: "asc" } }),
  ]);
  return { users, households };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = parseWithZod(await readFormData(request), { schema: createAccountSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), created: null }, { status: 400 });
  }
  try {
    const { user, temporaryPassword } = await createManagedAccount(prisma, { actorId: admin.id, ...submission.value });
    return data({ result: submission.reply({ resetForm: true }), created: { email: user.email, temporaryPassword } });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return data({ result: submission.reply({ fieldErrors: { email: ["errors.emailTaken"] } }), created: null }, { status: 400 });
    }
    if (error instanceof HouseholdNotFoundError) {
      return data({ result: submission.reply({ fieldErrors: { householdId: ["errors.chooseHousehold"] } }), created: null }, { status: 400 });
    }
    throw error;
  }
}

export default function AdminHome() {
  const { t } = useTranslation();
  const { users, households } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<CreateAccountForm>({ id: "create-account", lastResult: actionData?.result });

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
          <button type="submit" className="button button--primary">
            {t("admin.create")}
          </button>
        </Form>
      </section>
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
                <td>{user.roles.map((r) => t(`roles.${r.role}`)).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.title") }];

export const ErrorBoundary = RouteErrorBoundary;
