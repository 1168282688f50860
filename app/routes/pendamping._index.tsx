import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/utils/i18n-react";
import { TemporaryPasswordNotice } from "~/components/temporary-password-notice";
import { createSellerSchema } from "~/models/auth-forms.server";
import type { CreateSellerForm } from "~/models/auth-forms.server";
import { RouteErrorBoundary } from "~/components/route-error-boundary";
import { Field, FormErrors } from "~/components/ui/field";
import { createManagedAccount, HouseholdNotFoundError } from "~/models/account.server";
import { listFacilitatorHouseholds } from "~/models/household.server";
import { EmailTakenError } from "~/models/user.server";
import { requireFacilitator } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { readFormData } from "~/utils/form-data.server";


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireFacilitator(request);
  return { households: await listFacilitatorHouseholds(prisma, user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireFacilitator(request);
  const submission = parseWithZod(await readFormData(request), { schema: createSellerSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), created: null }, { status: 400 });
  }
  const { householdId, name, email } = submission.value;
  try {
    const { user: seller, temporaryPassword } = await createManagedAccount(prisma, {
      actorId: user.id,
      email,
      name,
      roles: ["SELLER"],
      householdId,
      restrictToFacilitatorId: user.id,
    });
    return data({ result: submission.reply({ resetForm: true }), created: { email: seller.email, temporaryPassword } });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return data({ result: submission.reply({ fieldErrors: { email: ["errors.emailTaken"] } }), created: null }, { status: 400 });
    }
    if (error instanceof HouseholdNotFoundError) {
      // Another facilitator's household looks exactly like one that does not exist.
      return data({ result: submission.reply({ fieldErrors: { householdId: ["errors.chooseHousehold"] } }), created: null }, { status: 404 });
    }
    throw error;
  }
}

export default function FacilitatorHome() {
  const { t } = useTranslation();
  const { households } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<CreateSellerForm>({ id: "create-seller", lastResult: actionData?.result });

  return (
    <>
      <h1>{t("facilitator.title")}</h1>
      {actionData?.created ? <TemporaryPasswordNotice {...actionData.created} /> : null}
      {households.length === 0 ? <p>{t("facilitator.empty")}</p> : null}
      <ul className="card-list">
        {households.map((household) => {
          const stores = [...household.stores, ...household.kubeMemberships.flatMap((m) => m.kubeGroup.stores)];
          return (
            <li key={household.id} className="card">
              <h2>{household.headName}</h2>
              <dl className="facts">
                <dt>{t("facilitator.programRef")}</dt>
                <dd>{household.programRef}</dd>
                <dt>{t("facilitator.members")}</dt>
                <dd>{household.memberCount}</dd>
                <dt>{t("facilitator.regency")}</dt>
                <dd>{household.regency.name}</dd>
                <dt>{t("facilitator.statusLabel")}</dt>
                <dd>{t(`facilitator.status.${household.status}`)}</dd>
                <dt>{t("facilitator.stores")}</dt>
                <dd>
                  {stores.length === 0
                    ? t("facilitator.noStore")
                    : stores.map((s, i) => (
                        <span key={s.slug}>
                          {i > 0 ? ", " : null}
                          <Link to={`/toko/${s.slug}`}>{s.name}</Link>
                        </span>
                      ))}
                </dd>
                <dt>{t("facilitator.sellerAccounts")}</dt>
                <dd>{household.accounts.map((a) => a.email).join(", ") || "–"}</dd>
              </dl>
            </li>
          );
        })}
      </ul>
      {households.length > 0 ? (
        <section aria-labelledby="create-seller-title" className="narrow">
          <h2 id="create-seller-title">{t("facilitator.createSeller")}</h2>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="create-seller" />
            <div className="field">
              <label htmlFor={fields.householdId.id}>{t("facilitator.households")}</label>
              <select
                id={fields.householdId.id}
                name={fields.householdId.name}
                defaultValue=""
                required
                aria-invalid={fields.householdId.errors ? true : undefined}
                aria-describedby={fields.householdId.errors ? `${fields.householdId.id}-error` : undefined}
              >
                <option value="" disabled>
                  –
                </option>
                {households.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.headName} ({h.programRef})
                  </option>
                ))}
              </select>
              {fields.householdId.errors ? (
                <p className="field__error" id={`${fields.householdId.id}-error`} role="alert">
                  {fields.householdId.errors.map((e) => t(e)).join(" ")}
                </p>
              ) : null}
            </div>
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
            <button type="submit" className="button button--primary">
              {t("facilitator.createSeller")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "facilitator.title") }];

export const ErrorBoundary = RouteErrorBoundary;
